// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"path/filepath"
	"strings"
)

// namespace is the provider's namespace in its source address, tcorg/tencentcloud.
const namespace = "tcorg"

// RegistryHost is the registry host on which the CLI at path cli resolves
// "tcorg/tencentcloud": OpenTofu has its own.
func RegistryHost(cli string) string {
	if strings.HasPrefix(filepath.Base(cli), "tofu") {
		return "registry.opentofu.org"
	}
	return "registry.terraform.io"
}

// DevOverrides is a CLI configuration that makes the CLI run the provider
// binary in pluginDir for the provider's address on host, with no init,
// and install other providers from their registries. With mirrorDir it
// installs from nowhere but the provider's address in that filesystem
// mirror, for `init`, which still looks the provider up, to find it there
// without a registry.
func DevOverrides(host, pluginDir, mirrorDir string) string {
	address := host + "/" + namespace + "/tencentcloud"
	installation := "  direct {}\n"
	if mirrorDir != "" {
		installation = fmt.Sprintf("  filesystem_mirror {\n    path    = %q\n    include = [%q]\n  }\n", mirrorDir, address)
	}
	return fmt.Sprintf("provider_installation {\n  dev_overrides {\n    %q = %q\n  }\n%s}\n", address, pluginDir, installation)
}
