// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// TestAccCredentialPrecedence walks the documented order: what the provider
// block names (key pair, profile, CVM role), then what the environment or a
// default gives (key pair, profile, CVM role). Each case sets the source
// under test and every source below it, and checks the right one signed.
func TestAccCredentialPrecedence(t *testing.T) {
	// setProfiles puts the default profile (AKIDloner, an account with no
	// organization) and the profile "audit" (AKIDadmin) in the environment's
	// shared credentials directory.
	setProfiles := func(t *testing.T) {
		dir := t.TempDir()
		writeProfile(t, dir, "default", `{"secretId": "AKIDloner", "secretKey": "loner-key"}`, "ap-shanghai")
		writeProfile(t, dir, "audit", `{"secretId": "AKIDadmin", "secretKey": "admin-key"}`, "")
		t.Setenv(envSharedCredentialsDir, dir)
	}
	setCVM := func(t *testing.T, endpoints testEndpoints) {
		t.Setenv(envCamRoleName, "terraform-runner")
		t.Setenv(envMetadataEndpoint, endpoints.metadata)
	}
	setEnv := func(t *testing.T) {
		t.Setenv(envSecretID, "AKIDenv")
		t.Setenv(envSecretKey, "env-key")
	}
	setAll := func(t *testing.T, endpoints testEndpoints) {
		setEnv(t)
		setProfiles(t)
		setCVM(t, endpoints)
	}

	t.Run("a key pair in the provider block wins over every other source", func(t *testing.T) {
		srv, endpoints := startEmulator(t)
		setAll(t, endpoints)
		testCredentialStep(t, providerBlockWith(endpoints.organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  profile = "default"
  cam_role_name = "terraform-runner"`), expectSigners(srv, "AKIDadmin"))
	})
	t.Run("a profile in the provider block wins over its cam_role_name and the environment's keys", func(t *testing.T) {
		srv, endpoints := startEmulator(t)
		setAll(t, endpoints)
		testCredentialStep(t, providerBlockWith(endpoints.organization, `profile = "audit"
  cam_role_name = "terraform-runner"`), expectSigners(srv, "AKIDadmin"))
	})
	t.Run("a cam_role_name in the provider block wins over the environment's keys and profile", func(t *testing.T) {
		srv, endpoints := startEmulator(t)
		setAll(t, endpoints)
		t.Setenv(envSecretID, "AKIDloner")
		t.Setenv(envSecretKey, "loner-key")
		t.Setenv(envProfile, "audit")
		testCredentialStep(t, providerBlockWith(endpoints.organization, `cam_role_name = "terraform-runner"`), expectSigners(srv, "AKIDtmp"))
	})
	t.Run("environment keys win over the environment's profile and CVM role", func(t *testing.T) {
		srv, endpoints := startEmulator(t)
		setAll(t, endpoints)
		t.Setenv(envOrganizationEndpoint, endpoints.organization)
		testCredentialStep(t, providerFromEnvironment, expectSigners(srv, "AKIDenv"))
	})
	t.Run("the default profile wins over the environment's CVM role, and gives its region", func(t *testing.T) {
		srv, endpoints := startEmulator(t)
		setProfiles(t)
		setCVM(t, endpoints)
		t.Setenv(envOrganizationEndpoint, endpoints.organization)
		// AKIDloner's account has no organization: the read fails, but it was signed by the profile.
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      providerFromEnvironment + dataSourceBlock("100033118139"),
				ExpectError: errorMatching("Caller Is Not in an Organization", `the profile "default"`),
			}},
		})
		reqs := srv.Requests()
		if len(reqs) == 0 || reqs[0].SecretID != "AKIDloner" || reqs[0].Region != "ap-shanghai" {
			t.Errorf("requests %+v, want AKIDloner with the profile's region ap-shanghai", reqs)
		}
	})
	t.Run("the environment's CVM role when nothing else is set", func(t *testing.T) {
		srv, endpoints := startEmulator(t)
		setCVM(t, endpoints)
		t.Setenv(envOrganizationEndpoint, endpoints.organization)
		testCredentialStep(t, providerFromEnvironment, expectSigners(srv, "AKIDtmp"))
	})
}

func TestAccALoneSecurityTokenIsAnError(t *testing.T) {
	srv, endpoints := startEmulator(t)
	t.Setenv(envSecretID, "AKIDtemp")
	t.Setenv(envSecretKey, "temp-key")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      providerBlockWith(endpoints.organization, `security_token = "temp-token"`) + dataSourceBlock("100033118139"),
			ExpectError: errorMatching("Security Token Without Its Key Pair", "secret_id and secret_key are not"),
		}},
	})
	if reqs := srv.Requests(); len(reqs) != 0 {
		t.Errorf("%d requests were sent with a configuration in error", len(reqs))
	}
}

func TestALoneSecurityTokenIsAnErrorOnItWhateverElseIsSet(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"nothing else":     {},
		"environment keys": {envSecretID: "AKIDenv", envSecretKey: "env-key"},
		"a CVM role":       {envCamRoleName: "terraform-runner"},
	} {
		t.Run(name, func(t *testing.T) {
			for k, v := range env {
				t.Setenv(k, v)
			}
			m := emptyProviderModel()
			m.SecurityToken = types.StringValue("lone-token-value")
			_, diags := resolveSettings(m, "test")
			if diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != summaryLoneToken {
				t.Fatalf("diagnostics %v, want one %q error", diags, summaryLoneToken)
			}
			withPath, ok := diags.Errors()[0].(diag.DiagnosticWithPath)
			if !ok || !withPath.Path().Equal(path.Root("security_token")) {
				t.Errorf("the error is not attached to security_token: %v", diags.Errors()[0])
			}
			if strings.Contains(diagText(diags), "lone-token-value") {
				t.Errorf("the error shows the token")
			}
		})
	}
}

func TestTheNoCredentialsMessageListsTheSourcesInTheOrderTheyAreTried(t *testing.T) {
	order := []string{
		"provider arguments secret_id and secret_key", "profile named by the provider argument profile",
		"role named by the provider argument cam_role_name", fmt.Sprintf("environment variables %s and %s", envSecretID, envSecretKey),
		"profile named by " + envProfile, "role named by " + envCamRoleName,
	}
	rest := noCredentialsDetail
	for _, want := range order {
		i := strings.Index(rest, want)
		if i < 0 {
			t.Fatalf("%q is missing or out of order in:\n%s", want, noCredentialsDetail)
		}
		rest = rest[i+len(want):]
	}
}
