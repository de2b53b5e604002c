// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// configureOnce plans config with one read through the real CLI: one
// provider configuration, as in a user's run. The test framework runs
// several commands per step, each configuring the provider anew, which a
// single-use code cannot serve.
func configureOnce(t *testing.T, config string) error {
	t.Helper()
	return readOnce(t, config, 1)
}

// readOnce plans config with reads of one member through the real CLI.
func readOnce(t *testing.T, config string, reads int) error {
	t.Helper()
	out, err := acctest.NewCLIWorkspace(t, config+fmt.Sprintf(`
data "tencentcloud_organization_member_email_bind" "m" {
  count      = %d
  member_uin = 100033118139
}
`, reads)).Run(t, "plan", "-input=false")
	if err != nil {
		return fmt.Errorf("%v: %s", err, out)
	}
	return nil
}

func mfaBlock(code string) string {
	return fmt.Sprintf(`secret_id = "AKIDadmin"
  secret_key = "admin-key"
  mfa_certification {
    serial_number = %q
    token_code = %q
  }`, mfaSerial, code)
}

func TestAccMFACertification(t *testing.T) {
	t.Run("the base key is certified once, and the session signs every read", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		if err := readOnce(t, providerWithSTS(endpoints, mfaBlock("318274")), 3); err != nil {
			t.Fatal(err)
		}
		calls := acctest.Requests(srv, actionSession)
		if len(calls) != 1 || calls[0].ErrorCode != "" || calls[0].SecretID != "AKIDadmin" {
			t.Fatalf("GetSessionToken calls %+v: want one, signed with AKIDadmin", calls)
		}
		if err := expectSigners(srv, "AKIDtmp")(nil); err != nil {
			t.Error(err)
		}
	})
	t.Run("a reused code is refused with a request for a new one", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		for _, step := range []struct{ code, want string }{{"902115", ""}, {"902115", "FailedOperation.CheckMFAError"}} {
			err := configureOnce(t, providerWithSTS(endpoints, mfaBlock(step.code)))
			if step.want == "" && err != nil {
				t.Fatalf("the first configuration failed: %v", err)
			}
			if step.want != "" && (err == nil || !acctest.ErrorMatching(step.want, "accepted once").MatchString(err.Error())) {
				t.Fatalf("the reused code gave %v, want %s asking for a new code", err, step.want)
			}
		}
		if n := len(acctest.Requests(srv, actionSession)); n != 2 {
			t.Errorf("GetSessionToken was called %d times, want 2", n)
		}
	})
	t.Run("a session that expires mid-run is not renewed with the used code", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, identityWorldWith(`"temporary_credential_lifetime": "2s"`))
		err := readOnce(t, providerWithSTS(endpoints, mfaBlock("480317")+`
  rate_limit = 3`), 12)
		if err == nil || !acctest.ErrorMatching("single-use", "new code").MatchString(err.Error()) {
			t.Fatalf("reads past the session's life gave %v, want an error asking for a new code", err)
		}
		if n := len(acctest.Requests(srv, actionSession)); n != 1 {
			t.Errorf("GetSessionToken was called %d times with one code, want once", n)
		}
	})
	t.Run("a serial number without a code is an error on token_code", func(t *testing.T) {
		_, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: providerWithSTS(endpoints, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  mfa_certification {
    serial_number = "`+mfaSerial+`"
  }`) + acctest.DataSourceBlock("100033118139"),
				ExpectError: acctest.ErrorMatching("Incomplete MFA Setting", "mfa_certification.token_code"),
			}},
		})
	})
}

func TestAccAssumeRoleWithMFA(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, identityWorldWith(""))
	config := providerWithSTS(endpoints, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "`+auditorRole+`"
    source_identity = "100000000001"
    serial_number = "`+mfaSerial+`"
    token_code = "318274"
  }`)
	if err := configureOnce(t, config); err != nil {
		t.Fatalf("assuming the role with a fresh code failed: %v", err)
	}
	calls := srv.AssumeRoleCalls()
	if len(calls) != 1 || calls[0].SerialNumber != mfaSerial || calls[0].SourceIdentity != "100000000001" {
		t.Fatalf("AssumeRole calls %+v, want one with the serial number and source identity", calls)
	}
	err := configureOnce(t, config)
	if err == nil || !acctest.ErrorMatching("FailedOperation.CheckMFAError", "accepted once").MatchString(err.Error()) {
		t.Fatalf("assuming the role again with the same code gave %v, want CheckMFAError", err)
	}
}

func TestAnEmptyMFACertificationBlockAsksForBothSettings(t *testing.T) {
	m := emptyProviderModel()
	m.SecretID, m.SecretKey = types.StringValue("AKIDarg"), types.StringValue("arg-key")
	m.MFACertification = &mfaModel{}
	_, diags := resolveSettings(m, "test")
	if diags.ErrorsCount() != 1 || !strings.Contains(diags.Errors()[0].Detail(), "needs serial_number") ||
		strings.Contains(diags.Errors()[0].Detail(), "is set") {
		t.Errorf("diagnostics %v, want one error asking for serial_number and token_code", diags)
	}
}
