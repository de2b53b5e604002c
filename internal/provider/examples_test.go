// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// The example files are what users copy and what the docs show, so each is
// applied here exactly as written.

func readExample(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile("../../examples/" + path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAccExampleDataSource(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.SecretID, "AKIDadmin")
	t.Setenv(envvar.SecretKey, "admin-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderFromEnvironment + readExample(t, "data-sources/tencentcloud_organization_member_email_bind/data-source.tf"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("member_email", knownvalue.StringExact("123@qq.com")),
				statecheck.ExpectKnownOutputValue("member_email_bound", knownvalue.Bool(true)),
			},
		}},
	})
}

// TestAccExampleDemo runs what `make demo` runs: examples/demo against its own world.
func TestAccExampleDemo(t *testing.T) {
	world, err := emulator.LoadWorld("../../examples/demo/world.json")
	if err != nil {
		t.Fatal(err)
	}
	_, endpoints := acctest.ServeWorld(t, world)
	t.Setenv(envvar.SecretID, world.Credentials[0].SecretID)
	t.Setenv(envvar.SecretKey, world.Credentials[0].SecretKey)
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: readExample(t, "demo/main.tf"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("bound_member", tfjsonpath.New("bind_status"), knownvalue.StringExact("Success")),
				statecheck.ExpectKnownOutputValueAtPath("bound_member", tfjsonpath.New("email"), knownvalue.StringExact("123@qq.com")),
				statecheck.ExpectKnownOutputValueAtPath("unbound_member", tfjsonpath.New("bind_status"), knownvalue.StringExact("Unbound")),
				statecheck.ExpectKnownOutputValueAtPath("unbound_member", tfjsonpath.New("email"), knownvalue.Null()),
				statecheck.ExpectKnownOutputValue("bind_status_counts", knownvalue.MapExact(map[string]knownvalue.Check{
					"Success": knownvalue.Int64Exact(1), "Unbound": knownvalue.Int64Exact(1), "Valid": knownvalue.Int64Exact(1),
				})),
				statecheck.ExpectKnownOutputValue("members_without_bound_email", knownvalue.MapExact(map[string]knownvalue.Check{
					"100033118140 (sandbox)": knownvalue.StringExact("Unbound"), "100033118141 (billing)": knownvalue.StringExact("Valid"),
				})),
			},
		}},
	})
}

// expectExampleReadsBoundMember applies a provider example with a read of
// the bound member appended, and checks the read succeeded.
func expectExampleReadsBoundMember(t *testing.T, providerExample string) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.RequiredProviders + providerExample + acctest.DataSourceBlock(boundMember),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectAttribute("bind_status", knownvalue.StringExact("Success")),
			},
		}},
	})
}

func TestAccExampleProviderFromEnvironment(t *testing.T) {
	exampleEnvironment(t)
	expectExampleReadsBoundMember(t, readExample(t, "provider/provider.tf"))
}

func TestAccExampleProviderAssumeRole(t *testing.T) {
	exampleEnvironment(t)
	t.Setenv(envvar.SecretID, "")
	t.Setenv(envvar.SecretKey, "")
	dir := t.TempDir()
	writeProfile(t, dir, "audit", `{"secretId": "AKIDloner", "secretKey": "loner-key"}`, "")
	t.Setenv(envvar.SharedCredentialsDir, dir)
	expectExampleReadsBoundMember(t, readExample(t, "provider/assume_role.tf"))
}

func TestAccExampleProviderEmulatorEndpoints(t *testing.T) {
	endpoints := exampleEnvironment(t)
	t.Setenv(envvar.OrganizationEndpoint, "")
	t.Setenv(envvar.STSEndpoint, "")
	example := strings.NewReplacer("http://127.0.0.1:8080", endpoints.Organization, "http://127.0.0.1:8081", endpoints.STS).
		Replace(readExample(t, "provider/emulator.tf"))
	expectExampleReadsBoundMember(t, example)
}

func TestAccExampleQuickStart(t *testing.T) {
	exampleEnvironment(t)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: readExample(t, "provider/quick_start.tf"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("member_email_bound", knownvalue.Bool(true)),
			},
		}},
	})
}
