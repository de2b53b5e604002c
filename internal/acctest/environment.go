// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

// The variables through which the test framework, terraform-plugin-testing,
// is told how to run (its resource.EnvTfAcc, EnvTfAccProviderHost and
// EnvTfAccProviderNamespace, and the CLI's path). They are spelled here
// rather than imported: importing its helper/resource would give the
// commands that use this package its -sweep flags.
const (
	envAcc               = "TF_ACC"
	envProviderHost      = "TF_ACC_PROVIDER_HOST"
	envProviderNamespace = "TF_ACC_PROVIDER_NAMESPACE"
	envTerraformPath     = "TF_ACC_TERRAFORM_PATH"
)
