// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// TestAccExampleRateLimitAliasesReadWithTheirOwnProfiles applies the two
// aliases of the rate limit section, each reading a member through its own
// provider process, with the profile they name.
func TestAccExampleRateLimitAliasesReadWithTheirOwnProfiles(t *testing.T) {
	srv := exampleEnvironmentFromProfile(t, "management")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.RequiredProviders + readExample(t, "provider/rate_limit_aliases.tf") + `
data "tencentcloud_organization_member_email_bind" "audit" {
  provider   = tencentcloud.audit
  member_uin = 100033118139
}

data "tencentcloud_organization_member_email_bind" "report" {
  provider   = tencentcloud.report
  member_uin = 100033118140
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_bind.audit", tfjsonpath.New("bind_status"), knownvalue.StringExact("Success")),
				statecheck.ExpectKnownValue("data.tencentcloud_organization_member_email_bind.report", tfjsonpath.New("bind_status"), knownvalue.StringExact("Unbound")),
			},
		}},
	})
	for _, r := range srv.Requests() {
		if r.SecretID != "AKIDadmin" {
			t.Errorf("a request was signed by %q, want the profile's AKIDadmin", r.SecretID)
		}
	}
}

// exampleEnvironmentFromProfile serves acctest.World with the admin's key in
// a tccli profile of that name, and no key pair in the environment.
func exampleEnvironmentFromProfile(t *testing.T, profile string) *emulator.Server {
	t.Helper()
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	dir := t.TempDir()
	writeProfile(t, dir, profile, `{"secretId": "AKIDadmin", "secretKey": "admin-key"}`, "")
	t.Setenv(envvar.SharedCredentialsDir, dir)
	t.Setenv(envvar.SecretID, "")
	t.Setenv(envvar.SecretKey, "")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	return srv
}
