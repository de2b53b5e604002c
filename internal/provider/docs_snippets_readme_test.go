// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

func TestAccREADMEWhatItDoesSnippetApplies(t *testing.T) {
	demoEnvironment(t)
	config := acctest.ProviderFromEnvironment + docSnippet(t, "README.md", "# Every member of the organization with its email binding, in one read.")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_bind.m", tfjsonpath.New("bind_status"), knownvalue.StringExact("Success")),
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_binds.all", tfjsonpath.New("total"), knownvalue.Int64Exact(3)),
			},
		}},
	})
}

// TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator loads each world
// fragment the README shows into a world, as a user would paste it.
func TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator(t *testing.T) {
	const rest = `"credentials": [{"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 100000000001}],
  "roles": [{"role_arn": "qcs::cam::uin/100000000001:roleName/auditor", "uin": 100000000001}],
  "organizations": [{"admin_uin": 100000000001, "members": [{"member_uin": 100033118140, "email_bind": {"BindStatus": "Unbound"}}]}]`
	for _, r := range snippetsRunHere {
		if r.test != "TestTheWorldSnippetsOfTheREADMEAreAcceptedByTheEmulator" {
			continue
		}
		fragment := strings.TrimRight(strings.TrimSpace(docSnippet(t, r.page, r.firstLine)), ",")
		if _, err := emulator.ParseWorld([]byte("{" + fragment + ",\n" + rest + "}")); err != nil {
			t.Errorf("the world snippet starting %q: %v", r.firstLine, err)
		}
	}
}
