// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

const (
	oidcProvider   = "github"
	samlPrincipal  = "qcs::cam::uin/100000000001:saml-provider/corp"
	samlAssertion  = "PHNhbWw6QXNzZXJ0aW9uPmNvcnA8L3NhbWw6QXNzZXJ0aW9uPg=="
	mfaSerial      = "qcs::cam:uin/100000000001::mfa/softToken"
	actionWebID    = "AssumeRoleWithWebIdentity"
	actionSAML     = "AssumeRoleWithSAML"
	actionSession  = "GetSessionToken"
	actionIdentity = "GetCallerIdentity"
)

// identityWorld lets OIDC tokens, a SAML assertion and MFA codes of account
// 100000000001 assume its auditor role or certify its keys.
const identityWorld = `"web_identity_tokens": [
    {"provider_id": "github", "token": "oidc-token-one", "role_arns": ["` + auditorRole + `"]},
    {"provider_id": "github", "token": "oidc-token-two", "role_arns": ["` + auditorRole + `"]},
    {"provider_id": "github", "token": "oidc-token-expired", "role_arns": ["` + auditorRole + `"], "expires_at": "2020-01-01T00:00:00Z"},
    {"provider_id": "github", "token": "oidc-token-outsider", "role_arns": ["` + outsiderRole + `"]}
  ],
  "saml_assertions": [
    {"principal_arn": "` + samlPrincipal + `", "assertion": "` + samlAssertion + `", "role_arns": ["` + auditorRole + `"]}
  ],
  "mfa_devices": [
    {"serial_number": "` + mfaSerial + `", "uin": 100000000001, "codes": ["318274", "902115", "480317", "265093"]}
  ]`

// identityWorldWith is acctest.World with identityWorld and any extra fields.
func identityWorldWith(extra string) string {
	if extra != "" {
		extra = ", " + extra
	}
	return acctest.WorldWith(identityWorld + extra)
}

// expectExchanges checks that every call of an exchange action went out
// unsigned, without a token header, and with the tokens or assertions given,
// in order.
func expectExchanges(srv *emulator.Server, action, param string, values ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		calls := acctest.Requests(srv, action)
		if len(calls) < len(values) {
			return fmt.Errorf("%d %s calls, want at least %d", len(calls), action, len(values))
		}
		for i, c := range calls {
			if !c.Unsigned || c.HasToken || c.SecretID != "" {
				return fmt.Errorf("%s call %d was signed or carried a credential: %+v", action, i, c)
			}
			if i < len(values) && c.Params[param] != fmt.Sprintf("%q", values[i]) {
				return fmt.Errorf("%s call %d sent %s = %s, want %q", action, i, param, c.Params[param], values[i])
			}
		}
		return nil
	}
}

// writeTokenFile writes content to a new token file and returns its path.
func writeTokenFile(t *testing.T, content string) string {
	t.Helper()
	name := filepath.Join(t.TempDir(), "token")
	acctest.WriteFile(t, name, content)
	return name
}

// rewriteAfterFirstExchange rewrites file with content as soon as the
// emulator has seen the first exchange, as Kubernetes rotates a projected
// token while a run goes on.
func rewriteAfterFirstExchange(t *testing.T, srv *emulator.Server, file, content string) {
	t.Helper()
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	go func() {
		for {
			select {
			case <-done:
				return
			case <-time.After(10 * time.Millisecond):
			}
			if len(acctest.Requests(srv, actionWebID)) > 0 {
				tmp := file + ".new"
				if err := os.WriteFile(tmp, []byte(content), 0o600); err == nil {
					_ = os.Rename(tmp, file)
				}
				return
			}
		}
	}()
}

func TestAccWebIdentity(t *testing.T) {
	t.Run("a token file rewritten during a run is read again for the next exchange", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(`"temporary_credential_lifetime": "2s"`))
		file := writeTokenFile(t, `{"web_identity_token": "oidc-token-one"}`)
		rewriteAfterFirstExchange(t, srv, file, "oidc-token-two\n")
		config := providerWithSTS(endpoints, fmt.Sprintf(`rate_limit = 3
  assume_role_with_web_identity {
    provider_id = %q
    role_arn = %q
    web_identity_token_file = %q
  }`, oidcProvider, auditorRole, file)) + `
data "tencentcloud_organization_member_email_bind" "m" {
  count      = 12
  member_uin = 100033118139
}
`
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: config,
				Check: resource.ComposeTestCheckFunc(
					expectSigners(srv, "AKIDtmp"),
					// 12 reads at 3/s outlive a 2s credential: the second exchange reads the rewritten file.
					expectExchanges(srv, actionWebID, "WebIdentityToken", "oidc-token-one", "oidc-token-two"),
				),
			}},
		})
	})
	t.Run("from the official provider's environment variables", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		t.Setenv(envvar.WebIdentityToken, "oidc-token-one")
		t.Setenv(envvar.AssumeRoleProviderID, oidcProvider)
		t.Setenv(envvar.AssumeRoleArn, auditorRole)
		t.Setenv(envvar.AssumeRoleSessionName, "ci-run")
		testCredentialStep(t, providerWithSTS(endpoints, ""), resource.ComposeTestCheckFunc(
			expectSigners(srv, "AKIDtmp"),
			expectExchanges(srv, actionWebID, "RoleSessionName", "ci-run"),
			func(*terraform.State) error {
				// The variable named the OIDC role: no AssumeRole follows the exchange.
				if calls := srv.AssumeRoleCalls(); len(calls) != 0 {
					return fmt.Errorf("AssumeRole was called after the exchange: %+v", calls)
				}
				return nil
			}))
	})
	t.Run("an expired token is refused with what to do", func(t *testing.T) {
		_, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: providerWithSTS(endpoints, fmt.Sprintf(`assume_role_with_web_identity {
    provider_id = %q
    role_arn = %q
    web_identity_token_file = %q
  }`, oidcProvider, auditorRole, writeTokenFile(t, "oidc-token-expired"))) + acctest.DataSourceBlock("100033118139"),
				ExpectError: acctest.ErrorMatching("Cannot Obtain Tencent Cloud Credentials", "InvalidParameter.WebIdentityTokenError",
					"STS refused the OIDC token"),
			}},
		})
	})
	t.Run("a role that does not exist is refused with the code the exchange declares", func(t *testing.T) {
		_, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: providerWithSTS(endpoints, fmt.Sprintf(`assume_role_with_web_identity {
    provider_id = %q
    role_arn = "qcs::cam::uin/100000000001:roleName/nobody"
    web_identity_token_file = %q
  }`, oidcProvider, writeTokenFile(t, "oidc-token-one"))) + acctest.DataSourceBlock("100033118139"),
				ExpectError: acctest.ErrorMatching("Cannot Obtain Tencent Cloud Credentials", "InvalidParameter.ParamError",
					"a role_arn that names no role", "role_arn (the role's resource name"),
			}},
		})
	})
	t.Run("a token file that does not exist is named", func(t *testing.T) {
		_, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		missing := filepath.Join(t.TempDir(), "absent-token")
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: providerWithSTS(endpoints, fmt.Sprintf(`assume_role_with_web_identity {
    role_arn = %q
    web_identity_token_file = %q
  }`, auditorRole, missing)) + acctest.DataSourceBlock("100033118139"),
				ExpectError: acctest.ErrorMatching("Cannot Obtain Tencent Cloud Credentials", missing),
			}},
		})
	})
	t.Run("a block without a token is an error on web_identity_token", func(t *testing.T) {
		_, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: providerWithSTS(endpoints, `assume_role_with_web_identity {
    role_arn = "`+auditorRole+`"
  }`) + acctest.DataSourceBlock("100033118139"),
				ExpectError: acctest.ErrorMatching("Missing Identity Exchange Setting", "web_identity_token_file"),
			}},
		})
	})
}

func TestAccPodOIDC(t *testing.T) {
	setTKE := func(t *testing.T, tokenFile string) {
		t.Setenv(envvar.TKERegion, "ap-singapore")
		t.Setenv(envvar.TKEWebIdentityTokenFile, tokenFile)
		t.Setenv(envvar.TKEProviderID, oidcProvider)
		t.Setenv(envvar.TKERoleArn, auditorRole)
	}
	t.Run("the TKE pod environment configures the exchange, in its region", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		setTKE(t, writeTokenFile(t, "oidc-token-two\n"))
		testCredentialStep(t, providerWithSTS(endpoints, `enable_pod_oidc = true`), resource.ComposeTestCheckFunc(
			expectSigners(srv, "AKIDtmp"),
			expectExchanges(srv, actionWebID, "WebIdentityToken", "oidc-token-two"),
			func(*terraform.State) error {
				if c := acctest.Requests(srv, actionWebID)[0]; c.Region != "ap-singapore" {
					return fmt.Errorf("the exchange went to region %q, want TKE_REGION's ap-singapore", c.Region)
				}
				return nil
			}))
	})
	for _, missing := range []string{envvar.TKERegion, envvar.TKEWebIdentityTokenFile, envvar.TKEProviderID, envvar.TKERoleArn} {
		t.Run("a missing "+missing+" is named", func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
			setTKE(t, writeTokenFile(t, "oidc-token-two"))
			t.Setenv(missing, "")
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      providerWithSTS(endpoints, `enable_pod_oidc = true`) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.ErrorMatching("TKE Pod OIDC Environment Incomplete", "lacks "+missing+".", "service account"),
				}},
			})
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests were sent with an incomplete pod environment", n)
			}
		})
	}
}

func TestAccSAML(t *testing.T) {
	t.Run("an assertion is exchanged for the role's credential", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		testCredentialStep(t, providerWithSTS(endpoints, fmt.Sprintf(`assume_role_with_saml {
    role_arn = %q
    principal_arn = %q
    saml_assertion = %q
    session_name = "sso-run"
  }`, auditorRole, samlPrincipal, samlAssertion)), resource.ComposeTestCheckFunc(
			expectSigners(srv, "AKIDtmp"),
			expectExchanges(srv, actionSAML, "SAMLAssertion", samlAssertion),
		))
	})
	t.Run("an unknown assertion is refused, and missing settings are named", func(t *testing.T) {
		_, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{
				{
					Config: providerWithSTS(endpoints, fmt.Sprintf(`assume_role_with_saml {
    role_arn = %q
    principal_arn = %q
    saml_assertion = "bm90LWFuLWFzc2VydGlvbg=="
  }`, auditorRole, samlPrincipal)) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.ErrorMatching("Cannot Obtain Tencent Cloud Credentials", "InvalidParameter.ParamError", "saml_assertion"),
				},
				{
					Config: providerWithSTS(endpoints, `assume_role_with_saml {
    role_arn = "`+auditorRole+`"
  }`) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.ErrorMatching("Missing Identity Exchange Setting", "assume_role_with_saml.saml_assertion", envvar.SAMLAssertion),
				},
			},
		})
	})
}

// noneContain fails t for each secret that text contains. A secret of
// digits only, an MFA code, counts only where no digit adjoins it: a trace
// log is full of longer numbers, which may hold any six digits by chance.
func noneContain(t *testing.T, text string, secrets []string) {
	t.Helper()
	for _, secret := range secrets {
		pattern := regexp.QuoteMeta(secret)
		if strings.Trim(secret, "0123456789") == "" {
			pattern = `(^|[^0-9])` + pattern + `([^0-9]|$)`
		}
		if secret != "" && regexp.MustCompile(pattern).MatchString(text) {
			t.Errorf("the output contains the secret %q", secret)
		}
	}
}
