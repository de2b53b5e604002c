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

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// TestAccCredentialPrecedence walks the documented order: the one source
// the provider block names, then what the environment or a default gives
// (an OIDC token, a SAML assertion, a key pair, a profile, a CVM role). Each
// case sets the source under test and every source below it, and checks
// the right one signed.
func TestAccCredentialPrecedence(t *testing.T) {
	// setProfiles puts the default profile (AKIDloner, an account with no
	// organization) and the profile "audit" (AKIDadmin) in the environment's
	// shared credentials directory.
	setProfiles := func(t *testing.T) {
		dir := t.TempDir()
		writeProfile(t, dir, "default", `{"secretId": "AKIDloner", "secretKey": "loner-key"}`, "ap-shanghai")
		writeProfile(t, dir, "audit", `{"secretId": "AKIDadmin", "secretKey": "admin-key"}`, "")
		t.Setenv(envvar.SharedCredentialsDir, dir)
	}
	setCVM := func(t *testing.T, endpoints acctest.Endpoints) {
		t.Setenv(envvar.CamRoleName, "terraform-runner")
		t.Setenv(envvar.MetadataEndpoint, endpoints.Metadata)
	}
	setEnv := func(t *testing.T) {
		t.Setenv(envvar.SecretID, "AKIDenv")
		t.Setenv(envvar.SecretKey, "env-key")
	}
	setSAML := func(t *testing.T) {
		t.Setenv(envvar.SAMLAssertion, samlAssertion)
		t.Setenv(envvar.PrincipalArn, samlPrincipal)
		t.Setenv(envvar.AssumeRoleArn, auditorRole)
	}
	setOIDC := func(t *testing.T) {
		t.Setenv(envvar.WebIdentityTokenFile, writeTokenFile(t, "oidc-token-one"))
		t.Setenv(envvar.AssumeRoleProviderID, oidcProvider)
		t.Setenv(envvar.AssumeRoleArn, auditorRole)
	}
	setAll := func(t *testing.T, endpoints acctest.Endpoints) {
		setOIDC(t)
		setSAML(t)
		setEnv(t)
		setProfiles(t)
		setCVM(t, endpoints)
	}

	// The environment's TENCENTCLOUD_ASSUME_ROLE_ARN belongs to its OIDC and
	// SAML exchanges: were it taken as a role to assume, the call would go
	// to the real STS host and fail.
	t.Run("a key pair in the provider block wins over every source in the environment", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		setAll(t, endpoints)
		testCredentialStep(t, acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"`), expectSigners(srv, "AKIDadmin"))
	})
	t.Run("a profile in the provider block wins over the environment's keys", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		setEnv(t)
		setProfiles(t)
		setCVM(t, endpoints)
		testCredentialStep(t, acctest.ProviderBlockWith(endpoints.Organization, `profile = "audit"`), expectSigners(srv, "AKIDadmin"))
	})
	t.Run("a cam_role_name in the provider block wins over the environment's keys and profile", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		setAll(t, endpoints)
		t.Setenv(envvar.SecretID, "AKIDloner")
		t.Setenv(envvar.SecretKey, "loner-key")
		t.Setenv(envvar.Profile, "audit")
		testCredentialStep(t, acctest.ProviderBlockWith(endpoints.Organization, `cam_role_name = "terraform-runner"`), expectSigners(srv, "AKIDtmp"))
	})
	t.Run("an OIDC token in the environment wins over the environment's keys, profile and CVM role", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		setOIDC(t)
		setEnv(t)
		setProfiles(t)
		setCVM(t, endpoints)
		t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
		t.Setenv(envvar.STSEndpoint, endpoints.STS)
		testCredentialStep(t, acctest.ProviderFromEnvironment, resource.ComposeTestCheckFunc(expectSigners(srv, "AKIDtmp"),
			expectExchanges(srv, actionWebID, "WebIdentityToken", "oidc-token-one")))
	})
	t.Run("a SAML assertion in the environment wins over the environment's keys, profile and CVM role", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		setSAML(t)
		setEnv(t)
		setProfiles(t)
		setCVM(t, endpoints)
		t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
		t.Setenv(envvar.STSEndpoint, endpoints.STS)
		testCredentialStep(t, acctest.ProviderFromEnvironment, resource.ComposeTestCheckFunc(expectSigners(srv, "AKIDtmp"),
			expectExchanges(srv, actionSAML, "SAMLAssertion", samlAssertion)))
	})
	t.Run("an OIDC token and a SAML assertion in the environment at once are an error", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		setOIDC(t)
		setSAML(t)
		t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
		t.Setenv(envvar.STSEndpoint, endpoints.STS)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      acctest.ProviderFromEnvironment + acctest.DataSourceBlock("100033118139"),
				ExpectError: acctest.ErrorMatching("Two Credential Sources Given", envvar.WebIdentityTokenFile+" and "+envvar.SAMLAssertion),
			}},
		})
		if n := len(srv.Requests()); n != 0 {
			t.Errorf("%d requests were sent with two exchanges in the environment", n)
		}
	})
	t.Run("environment keys win over the environment's profile and CVM role", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		setEnv(t)
		setProfiles(t)
		setCVM(t, endpoints)
		t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
		testCredentialStep(t, acctest.ProviderFromEnvironment, expectSigners(srv, "AKIDenv"))
	})
	t.Run("the default profile wins over the environment's CVM role, and gives its region", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		setProfiles(t)
		setCVM(t, endpoints)
		t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
		// AKIDloner's account has no organization: the read fails, but it was signed by the profile.
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config:      acctest.ProviderFromEnvironment + acctest.DataSourceBlock("100033118139"),
				ExpectError: acctest.ErrorMatching("Caller Is Not in an Organization", `the profile "default"`),
			}},
		})
		reqs := srv.Requests()
		if len(reqs) == 0 || reqs[0].SecretID != "AKIDloner" || reqs[0].Region != "ap-shanghai" {
			t.Errorf("requests %+v, want AKIDloner with the profile's region ap-shanghai", reqs)
		}
	})
	t.Run("the environment's CVM role when nothing else is set", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		setCVM(t, endpoints)
		t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
		testCredentialStep(t, acctest.ProviderFromEnvironment, expectSigners(srv, "AKIDtmp"))
	})
}

func TestAccTwoCredentialSourcesInTheProviderBlockAreAnError(t *testing.T) {
	keyPair := `secret_id = "AKIDadmin"
  secret_key = "admin-key"`
	webIdentity := `assume_role_with_web_identity {
    role_arn = "` + auditorRole + `"
    web_identity_token_file = "/nonexistent/token"
  }`
	saml := `assume_role_with_saml {
    role_arn = "` + auditorRole + `"
  }`
	for _, tc := range []struct{ first, firstArgs, second, secondArgs string }{
		{"secret_id and secret_key", keyPair, "profile", `profile = "audit"`},
		{"profile", `profile = "audit"`, "cam_role_name", `cam_role_name = "terraform-runner"`},
		{"cam_role_name", `cam_role_name = "terraform-runner"`, "assume_role_with_web_identity", webIdentity},
		{"assume_role_with_web_identity", webIdentity, "enable_pod_oidc", `enable_pod_oidc = true`},
		{"enable_pod_oidc", `enable_pod_oidc = true`, "assume_role_with_saml", saml},
		{"secret_id and secret_key", keyPair, "assume_role_with_saml", saml},
	} {
		t.Run(tc.first+" with "+tc.second, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, acctest.World)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      providerWithSTS(endpoints, tc.firstArgs+"\n  "+tc.secondArgs) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.ErrorMatching("Two Credential Sources Given", "sets both "+tc.first+" and "+tc.second),
				}},
			})
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests were sent with two credential sources", n)
			}
		})
	}
}

func TestAccALoneSecurityTokenIsAnError(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.SecretID, "AKIDtemp")
	t.Setenv(envvar.SecretKey, "temp-key")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ProviderBlockWith(endpoints.Organization, `security_token = "temp-token"`) + acctest.DataSourceBlock("100033118139"),
			ExpectError: acctest.ErrorMatching("Security Token Without Its Key Pair", "secret_id and secret_key are not"),
		}},
	})
	if reqs := srv.Requests(); len(reqs) != 0 {
		t.Errorf("%d requests were sent with a configuration in error", len(reqs))
	}
}

func TestALoneSecurityTokenIsAnErrorOnItWhateverElseIsSet(t *testing.T) {
	for name, env := range map[string]map[string]string{
		"nothing else":     {},
		"environment keys": {envvar.SecretID: "AKIDenv", envvar.SecretKey: "env-key"},
		"a CVM role":       {envvar.CamRoleName: "terraform-runner"},
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
		"secret_id and secret_key", "profile", "cam_role_name", "assume_role_with_web_identity", "enable_pod_oidc",
		"assume_role_with_saml", envvar.WebIdentityToken, envvar.WebIdentityTokenFile, envvar.SAMLAssertion,
		fmt.Sprintf("environment variables %s and %s", envvar.SecretID, envvar.SecretKey),
		"profile named by " + envvar.Profile, "role named by " + envvar.CamRoleName,
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

func TestASourceInTheProviderBlockIgnoresTheEnvironmentsExchangeAndItsRoleWithAWarning(t *testing.T) {
	t.Setenv(envvar.WebIdentityTokenFile, "/var/run/secrets/oidc-token")
	t.Setenv(envvar.AssumeRoleArn, auditorRole)
	m := emptyProviderModel()
	m.SecretID, m.SecretKey = types.StringValue("AKIDarg"), types.StringValue("arg-key")
	s, diags := resolveSettings(m, "test")
	if diags.HasError() || diags.WarningsCount() != 1 || diags.Warnings()[0].Summary() != summaryExchangeEnvIgnored {
		t.Fatalf("diagnostics %v, want one %q warning", diags, summaryExchangeEnvIgnored)
	}
	if !strings.Contains(diags.Warnings()[0].Detail(), envvar.WebIdentityTokenFile) {
		t.Errorf("the warning does not name %s: %s", envvar.WebIdentityTokenFile, diags.Warnings()[0].Detail())
	}
	if got := s.credential.Describe(); strings.Contains(got, "role") {
		t.Errorf("the credential is %q: %s was taken as a role to assume", got, envvar.AssumeRoleArn)
	}
}
