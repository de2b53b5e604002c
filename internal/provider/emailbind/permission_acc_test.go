// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// In acctest.InventoryWorld, AKIDmember's account is a plain member and
// AKIDdelegate's the delegated admin of a trusted service, so the first
// may read only its own binding and the second any member's.
func TestAccMemberReadsItsOwnBindingButNotAnotherMembers(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 3, ""))
	self := acctest.FirstInventoryUin + 1
	read := func(secretID, secretKey string, memberUin int64) string {
		return acctest.ProviderBlockWith(endpoints.Organization, fmt.Sprintf(`secret_id = %q
  secret_key = %q`, secretID, secretKey)) + acctest.DataSourceBlock(strconv.FormatInt(memberUin, 10))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: read("AKIDmember", "member-key", self+1),
				ExpectError: acctest.ErrorMatching("Not Authorized", "organization:DescribeOrganizationMemberEmailBind",
					"If the account is a member rather than the organization's management account, it may read only its own binding",
					"Error code: UnauthorizedOperation", "may read only its own email binding", "RequestId: "),
			},
			{
				Config: read("AKIDmember", "member-key", self),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectAttribute("email", knownvalue.StringExact("m1@example.com")),
				},
			},
			{
				Config: read("AKIDdelegate", "delegate-key", self),
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectAttribute("email", knownvalue.StringExact("m1@example.com")),
				},
			},
		},
	})
}
