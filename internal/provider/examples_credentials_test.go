// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// The credential examples, each applied as written, with only the token
// file path pointed at a test file. They run through the real CLI once, as
// a user's plan does: a single-use MFA code serves one run.

// identityExampleEnvironment serves the identity world with every endpoint
// in the environment and no key pair there.
func identityExampleEnvironment(t *testing.T) {
	t.Helper()
	if os.Getenv(resource.EnvTfAcc) == "" {
		// Before the cleanup below, which would find no read.
		t.Skip("acceptance test: set TF_ACC=1")
	}
	srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.STSEndpoint, endpoints.STS)
	t.Cleanup(func() {
		if err := expectSigners(srv, "AKIDtmp")(nil); err != nil {
			t.Error(err)
		}
	})
}

func TestAccExampleProviderWebIdentity(t *testing.T) {
	identityExampleEnvironment(t)
	example := strings.Replace(readExample(t, "provider/web_identity.tf"), "/tmp/tencentcloud-oidc-token",
		writeTokenFile(t, "oidc-token-one"), 1)
	if err := configureOnce(t, acctest.RequiredProviders+example); err != nil {
		t.Fatal(err)
	}
}

func TestAccExampleProviderPodOIDC(t *testing.T) {
	identityExampleEnvironment(t)
	t.Setenv(envvar.TKERegion, "ap-guangzhou")
	t.Setenv(envvar.TKEWebIdentityTokenFile, writeTokenFile(t, "oidc-token-two"))
	t.Setenv(envvar.TKEProviderID, oidcProvider)
	t.Setenv(envvar.TKERoleArn, auditorRole)
	if err := configureOnce(t, acctest.RequiredProviders+readExample(t, "provider/pod_oidc.tf")); err != nil {
		t.Fatal(err)
	}
}

func TestAccExampleProviderSAML(t *testing.T) {
	identityExampleEnvironment(t)
	t.Setenv("TF_VAR_saml_assertion", samlAssertion)
	if err := configureOnce(t, acctest.RequiredProviders+readExample(t, "provider/saml.tf")); err != nil {
		t.Fatal(err)
	}
}

func TestAccExampleProviderMFA(t *testing.T) {
	identityExampleEnvironment(t)
	dir := t.TempDir()
	writeProfile(t, dir, "audit", `{"secretId": "AKIDadmin", "secretKey": "admin-key"}`, "")
	t.Setenv(envvar.SharedCredentialsDir, dir)
	t.Setenv("TF_VAR_mfa_code", "902115")
	if err := configureOnce(t, acctest.RequiredProviders+readExample(t, "provider/mfa.tf")); err != nil {
		t.Fatal(err)
	}
}
