// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"tencentcloud": providerserver.NewProtocol6WithError(New("test")()),
}

func TestMain(m *testing.M) {
	acctest.Main(m)
}

// testWorld has one organization run by account 100000000001 with a bound
// member, an unbound member and a member whose record has explicit nulls.
const testWorld = `{
  "credentials": [
    {"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 100000000001},
    {"secret_id": "AKIDenv", "secret_key": "env-key", "uin": 100000000001},
    {"secret_id": "AKIDtemp", "secret_key": "temp-key", "token": "temp-token", "uin": 100000000001},
    {"secret_id": "AKIDloner", "secret_key": "loner-key", "uin": 100000000009},
    {"secret_id": "AKIDlogs", "secret_key": "log-secret-key-4f9a", "token": "log-token-b7c2", "uin": 100000000001}
  ],
  "roles": [
    {"role_arn": "qcs::cam::uin/100000000001:roleName/auditor", "uin": 100000000001},
    {"role_arn": "qcs::cam::uin/100000000001:roleName/guarded", "uin": 100000000001, "external_id": "ext-123"},
    {"role_arn": "qcs::cam::uin/100000000009:roleName/outsider", "uin": 100000000009}
  ],
  "cvm_roles": [{"role_name": "terraform-runner", "uin": 100000000001}],
  "organizations": [{
    "admin_uin": 100000000001,
    "members": [
      {"member_uin": 100033118139, "email_bind": {
        "BindId": 9007199254740993, "ApplyTime": "2022-01-13 12:09:08", "Email": "123@qq.com",
        "Phone": "18***32", "BindStatus": "Success", "BindTime": "2022-01-13 18:09:08",
        "Description": "success", "PhoneBind": 1, "CountryCode": "86"}},
      {"member_uin": 100033118140, "email_bind": {"BindStatus": "Unbound", "PhoneBind": 0}},
      {"member_uin": 100033118141, "email_bind": {
        "BindId": null, "ApplyTime": null, "Email": null, "Phone": null, "BindStatus": "Valid",
        "BindTime": null, "Description": "", "PhoneBind": null, "CountryCode": null}},
      {"member_uin": 100033118142, "email_bind": {"BindId": 18446744073709551615, "BindStatus": "Success"}}
    ]
  }]
}`

// testWorldWith is testWorld with extra top-level fields, given as JSON
// members such as `"faults": [...]`.
func testWorldWith(extra string) string {
	return strings.Replace(testWorld, `"credentials"`, extra+`, "credentials"`, 1)
}

// providerBlock configures the provider against endpoint with the admin's key.
func providerBlock(endpoint string) string {
	return providerBlockWith(endpoint, `secret_id = "AKIDadmin"
  secret_key = "admin-key"`)
}

// requiredProviders is the terraform block every test configuration starts with.
const requiredProviders = `
terraform {
  required_providers {
    tencentcloud = {
      source = "tcorg/tencentcloud"
    }
  }
}
`

// providerFromEnvironment configures the provider from TENCENTCLOUD_* variables only.
const providerFromEnvironment = requiredProviders + `provider "tencentcloud" {}
`

func providerBlockWith(endpoint, arguments string) string {
	return requiredProviders + fmt.Sprintf(`
provider "tencentcloud" {
  %s
  endpoints {
    organization = %q
  }
}
`, arguments, endpoint)
}

func dataSourceBlock(memberUin string) string {
	return fmt.Sprintf(`
data "tencentcloud_organization_member_email_bind" "m" {
  member_uin = %s
}
`, memberUin)
}

func TestAccProviderConfigurationErrors(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	tests := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{
			name:   "no credentials",
			config: providerBlockWith(endpoints.Organization, ""),
			want:   acctest.ErrorMatching("No Tencent Cloud Credentials", "secret_id and secret_key", "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"),
		},
		{
			name:   "secret id without key",
			config: providerBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"`),
			want:   acctest.ErrorMatching("Incomplete Tencent Cloud Credential", "provider argument secret_id is set", "provider argument secret_key is not"),
		},
		{
			name:   "secret key without id",
			config: providerBlockWith(endpoints.Organization, `secret_key = "admin-key"`),
			want:   acctest.ErrorMatching("Incomplete Tencent Cloud Credential", "secret_key is set"),
		},
		{
			name:   "endpoint without scheme",
			config: providerBlockWith("127.0.0.1:8080", `secret_id = "a"`+"\n"+`secret_key = "b"`),
			want:   acctest.ErrorMatching("Invalid Endpoint URL", "endpoints.organization", "must be a full URL"),
		},
		{
			name:   "endpoint with query",
			config: providerBlockWith(endpoints.Organization+"/?x=1", `secret_id = "a"`+"\n"+`secret_key = "b"`),
			want:   acctest.ErrorMatching("Invalid Endpoint URL", "must not contain"),
		},
		{
			name:   "protocol",
			config: providerBlockWith(endpoints.Organization, `secret_id = "a"`+"\n"+`secret_key = "b"`+"\n"+`protocol = "FTP"`),
			want:   acctest.ErrorMatching("Invalid Protocol", `"FTP"`, "provider argument protocol", "must be HTTPS or HTTP"),
		},
		{
			name:   "domain with scheme",
			config: providerBlockWith(endpoints.Organization, `secret_id = "a"`+"\n"+`secret_key = "b"`+"\n"+`domain = "https://tencentcloudapi.com"`),
			want:   acctest.ErrorMatching("Invalid Domain", "root domain"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      tt.config + dataSourceBlock("100033118139"),
					ExpectError: tt.want,
				}},
			})
		})
	}
}

func TestAccProviderSettingsFromEnvironment(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, testWorld)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.Region, "ap-singapore")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerFromEnvironment + dataSourceBlock("100033118139"),
			Check:  expectCallers(srv, "AKIDenv", "ap-singapore"),
		}},
	})
}

func TestAccProviderArgumentsWinOverEnvironment(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, testWorld)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, "http://127.0.0.1:1")
	t.Setenv(envvar.Region, "ap-singapore")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  region = "ap-guangzhou"`) + dataSourceBlock("100033118139"),
			Check: expectCallers(srv, "AKIDadmin", "ap-guangzhou"),
		}},
	})
}

func TestAccARegionTencentCloudDoesNotHaveIsUnsupported(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  region = "ap-atlantis"`) + dataSourceBlock("100033118139"),
			ExpectError: acctest.ErrorMatching("Unsupported Region", "unset the region argument and "+envvar.Region, "UnsupportedRegion", "ap-atlantis"),
		}},
	})
}

func TestAccTemporaryCredentialFromEnvironment(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, testWorld)
	t.Setenv(envvar.SecretID, "AKIDtemp")
	t.Setenv(envvar.SecretKey, "temp-key")
	t.Setenv(envvar.SecurityToken, "temp-token")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerFromEnvironment + dataSourceBlock("100033118139"),
			Check:  expectCallers(srv, "AKIDtemp", ""),
		}},
	})
}

func TestAccInvalidSettingsFromEnvironmentNameTheVariable(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, testWorld)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.Protocol, "ftp")
	t.Setenv(envvar.Domain, "example.com/api")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerFromEnvironment + dataSourceBlock("100033118139"),
			ExpectError: acctest.WrappedPattern(`(?:Invalid Protocol.*"ftp" from the environment variable TENCENTCLOUD_PROTOCOL.*Invalid Domain.*"example.com/api" from the environment variable TENCENTCLOUD_DOMAIN)` +
				`|(?:Invalid Domain.*TENCENTCLOUD_DOMAIN.*Invalid Protocol.*TENCENTCLOUD_PROTOCOL)`),
		}},
	})
}

// expectCallers checks that every request the emulator saw was signed with
// secretID and carried region (none when region is empty).
func expectCallers(srv *emulator.Server, secretID, region string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := srv.Requests()
		if len(reqs) == 0 {
			return fmt.Errorf("the emulator received no request")
		}
		for _, r := range reqs {
			if r.SecretID != secretID || r.Region != region || r.ErrorCode != "" {
				return fmt.Errorf("request signed by %q with region %q (error %q), want %q and %q", r.SecretID, r.Region, r.ErrorCode, secretID, region)
			}
			if !strings.HasPrefix(r.RequestClient, "terraform-provider-tencentcloud/test terraform/") {
				return fmt.Errorf("X-TC-RequestClient = %q", r.RequestClient)
			}
		}
		return nil
	}
}
