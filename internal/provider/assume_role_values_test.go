// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// TestAccAssumeRoleValuesSTSWouldRefuseAreAttributeErrors checks that an
// external_id or source_identity that STS would refuse is an error on the
// attribute, before any call.
func TestAccAssumeRoleValuesSTSWouldRefuseAreAttributeErrors(t *testing.T) {
	for _, tt := range []struct{ name, argument, want string }{
		{"an external ID of one character", `external_id = "x"`, "external_id"},
		{"an external ID with a space", `external_id = "a b!"`, "external_id"},
		{"an external ID over 128 characters", fmt.Sprintf(`external_id = "%0129d"`, 0), "external_id"},
		{"a source identity that is not a UIN", `source_identity = "not-a-uin"`, "source_identity"},
		{"a source identity with a leading zero", `source_identity = "0100000000001"`, "source_identity"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, acctest.World)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: providerWithSTS(endpoints, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "`+guardedRole+`"
    `+tt.argument+`
  }`) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.ErrorMatching("Invalid Attribute Value Match", "assume_role."+tt.want),
				}},
			})
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests were sent, want none", n)
			}
		})
	}
}

// TestAccASessionPolicySTSRefusesIsExplained plans with assume_role
// policies that STS refuses, and checks that each diagnostic names the code
// and says what is wrong with the policy.
func TestAccASessionPolicySTSRefusesIsExplained(t *testing.T) {
	const allow = `{"effect":"allow","action":["organization:Describe*"],"resource":["*"]}`
	for _, tt := range []struct{ name, policy, code, meaning string }{
		{"a principal", `{"version":"2.0","statement":[{"effect":"allow","principal":"*","action":"*","resource":"*"}]}`,
			"InvalidParameter.StrategyInvalid", "names a principal"},
		{"a statement STS cannot read", `{"version":"2.0","statement":["allow everything"]}`,
			"InvalidParameter.StrategyFormatError", "not a policy document STS can read"},
		{"a resource that is no resource name", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"everything"}]}`,
			"InvalidParameter.ResouceError", "neither * nor a resource name"},
		{"a policy over the size limit", `{"version":"2.0","statement":[` + strings.TrimSuffix(strings.Repeat(allow+",", 40), ",") + `]}`,
			"InvalidParameter.PolicyTooLong", "at most 2048 characters"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, endpoints := acctest.StartEmulator(t, acctest.World)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: providerWithSTS(endpoints, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "`+auditorRole+`"
    policy = `+fmt.Sprintf("%q", tt.policy)+`
  }`) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.ErrorMatching("Cannot Obtain Tencent Cloud Credentials", tt.code, tt.meaning),
				}},
			})
		})
	}
}
