// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// organizationReads counts the requests that reached the Organization API.
func organizationReads(srv *emulator.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Service == emulator.ServiceOrganization {
			n++
		}
	}
	return n
}

func TestAccAccountGuardRails(t *testing.T) {
	t.Run("an allowed account is read, after one identity check per configuration", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		testCredentialStep(t, providerWithSTS(endpoints, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  allowed_account_ids = ["100000000001", "100000000002"]`), func(s *terraform.State) error {
			if err := expectSigners(srv, "AKIDadmin")(s); err != nil {
				return err
			}
			for _, c := range acctest.Requests(srv, actionIdentity) {
				if c.SecretID != "AKIDadmin" || c.ErrorCode != "" {
					return fmt.Errorf("GetCallerIdentity call %+v, want one signed with AKIDadmin", c)
				}
			}
			if len(acctest.Requests(srv, actionIdentity)) == 0 {
				return fmt.Errorf("GetCallerIdentity was never called")
			}
			return nil
		})
	})
	for _, tc := range []struct {
		name, arguments string
		variables       config.Variables
		extra           string
		want            []string
	}{
		{
			name: "an account not in allowed_account_ids is refused before any read",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  allowed_account_ids = ["100000000009"]`,
			want: []string{"Tencent Cloud Account Not Allowed", "belongs to account 100000000001", "not in allowed_account_ids (100000000009)"},
		},
		{
			name: "a forbidden account is refused before any read",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  forbidden_account_ids = ["100000000001"]`,
			want: []string{"Tencent Cloud Account Forbidden", "belongs to account 100000000001", "forbidden_account_ids lists (100000000001)"},
		},
		{
			name: "the account checked is the assumed role's",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  allowed_account_ids = ["100000000001"]
  assume_role {
    role_arn = "` + outsiderRole + `"
  }`,
			want: []string{"Tencent Cloud Account Not Allowed", "role " + outsiderRole, "belongs to account 100000000009"},
		},
		{
			name: "allowed and forbidden lists together are refused",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  allowed_account_ids = ["100000000001"]
  forbidden_account_ids = ["100000000009"]`,
			want: []string{"Invalid Attribute Combination", "forbidden_account_ids"},
		},
		{
			name: "an account ID that is not a UIN is refused",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  allowed_account_ids = ["qcs::cam::uin/100000000001"]`,
			want: []string{"Invalid Account ID", "allowed_account_ids", "is not an account UIN"},
		},
		// The account is compared as text, so "0100000000001" would never
		// match account 100000000001 and would forbid nothing.
		{
			name: "a forbidden account ID with a leading zero is refused",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  forbidden_account_ids = ["0100000000001"]`,
			want: []string{"Invalid Account ID", "forbidden_account_ids", `has a leading zero: write it as "100000000001"`},
		},
		{
			name: "an allowed account ID with a leading zero is refused",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  allowed_account_ids = ["100000000001", "0100000000001"]`,
			want: []string{"Invalid Account ID", "allowed_account_ids", `has a leading zero: write it as "100000000001"`},
		},
		{
			// A variable is unknown when the CLI first validates the
			// configuration, so the value is checked when it is known.
			name: "an account ID from a variable is checked once the variable is known",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  forbidden_account_ids = var.forbidden`,
			variables: config.Variables{"forbidden": config.ListVariable(config.StringVariable("0100000000001"))},
			want:      []string{"Invalid Account ID", "forbidden_account_ids", `has a leading zero: write it as "100000000001"`},
		},
		{
			name: "an account ID known only after apply is refused, without advice to leave the guard unset",
			arguments: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  forbidden_account_ids = [terraform_data.account.output]`,
			extra: `resource "terraform_data" "account" { input = "100000000001" }` + "\n",
			want:  []string{"Provider Setting Not Yet Known", "forbidden_account_ids", "has no environment variable", "would forbid no account"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, acctest.World)
			cfg := providerWithSTS(endpoints, tc.arguments) + acctest.DataSourceBlock("100033118139") + tc.extra
			if tc.variables != nil {
				cfg += `variable "forbidden" { type = list(string) }` + "\n"
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:          cfg,
					ConfigVariables: tc.variables,
					ExpectError:     acctest.ErrorMatching(tc.want...),
				}},
			})
			if n := organizationReads(srv); n != 0 {
				t.Errorf("%d Organization requests were sent for an account that may not be read", n)
			}
		})
	}
}
