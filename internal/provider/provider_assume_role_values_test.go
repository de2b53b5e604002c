// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
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
			srv, endpoints := startEmulator(t)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: providerWithSTS(endpoints, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "`+guardedRole+`"
    `+tt.argument+`
  }`) + dataSourceBlock("100033118139"),
					ExpectError: errorMatching("Invalid Attribute Value Match", "assume_role."+tt.want),
				}},
			})
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("%d requests were sent, want none", n)
			}
		})
	}
}
