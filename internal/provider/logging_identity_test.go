// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// TestAccTraceLogsHoldNoExchangedSecrets runs each credential source that
// STS exchanges through the real CLI at TF_LOG=TRACE, and checks that the
// log shows the STS attempts but neither the OIDC token, the SAML
// assertion, an MFA code, nor any temporary key the emulator issued. The
// secrets come from the environment and files, because Terraform may log
// the configuration it runs.
func TestAccTraceLogsHoldNoExchangedSecrets(t *testing.T) {
	for _, tc := range []struct {
		name    string
		env     func(t *testing.T) map[string]string
		secrets []string
		actions []string
	}{
		{
			name: "web identity",
			env: func(t *testing.T) map[string]string {
				return map[string]string{
					envvar.WebIdentityTokenFile: writeTokenFile(t, "oidc-token-one"),
					envvar.AssumeRoleProviderID: oidcProvider, envvar.AssumeRoleArn: auditorRole,
				}
			},
			secrets: []string{"oidc-token-one"},
			actions: []string{actionWebID},
		},
		{
			name: "SAML",
			env: func(*testing.T) map[string]string {
				return map[string]string{envvar.SAMLAssertion: samlAssertion, envvar.PrincipalArn: samlPrincipal, envvar.AssumeRoleArn: auditorRole}
			},
			secrets: []string{samlAssertion},
			actions: []string{actionSAML},
		},
		{
			name: "MFA certification, then a role assumed with another code",
			env: func(*testing.T) map[string]string {
				return map[string]string{
					envvar.SecretID: "AKIDadmin", envvar.SecretKey: "admin-key",
					envvar.MFASerialNumber: mfaSerial, envvar.MFATokenCode: "480317",
					envvar.AssumeRoleArn: auditorRole, envvar.AssumeRoleSerialNumber: mfaSerial, envvar.AssumeRoleTokenCode: "265093",
				}
			},
			secrets: []string{"480317", "265093"},
			actions: []string{actionSession, "AssumeRole"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
			logPath := filepath.Join(t.TempDir(), "trace.log")
			t.Setenv("TF_LOG", "TRACE")
			t.Setenv("TF_LOG_PATH", logPath)
			t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
			t.Setenv(envvar.STSEndpoint, endpoints.STS)
			for name, value := range tc.env(t) {
				t.Setenv(name, value)
			}
			if err := configureOnce(t, acctest.ProviderFromEnvironment); err != nil {
				t.Fatal(err)
			}

			logs, err := os.ReadFile(logPath)
			if err != nil {
				t.Fatal(err)
			}
			text := string(logs)
			for _, action := range tc.actions {
				if !strings.Contains(text, "action="+action) {
					t.Errorf("the trace log has no %s attempt; the test would not see a leak either", action)
				}
			}
			secrets := tc.secrets
			for _, issued := range srv.Issued() {
				secrets = append(secrets, issued.SecretKey, issued.Token)
			}
			if len(secrets) < len(tc.secrets)+2 {
				t.Errorf("no temporary credential was issued; the exchange was not used")
			}
			noneContain(t, text, secrets)
		})
	}
}
