// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/encodedstate"
)

// ProviderFactories serve p in process under its registry name, for
// resource.TestCase; p is the provider's New("test")(), which this package
// cannot import without a cycle through the provider's own tests.
// It is served as main serves it, through encodedstate.Wrap.
func ProviderFactories(p provider.Provider) map[string]func() (tfprotov6.ProviderServer, error) {
	return map[string]func() (tfprotov6.ProviderServer, error){"tencentcloud": func() (tfprotov6.ProviderServer, error) {
		server, err := providerserver.NewProtocol6WithError(p)()
		if err != nil {
			return nil, err
		}
		return encodedstate.Wrap(server), nil
	}}
}

// World has one organization run by account 100000000001 with a bound
// member, an unbound member and a member whose record has explicit nulls.
const World = `{
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

// WorldWith is World with extra top-level fields, given as JSON
// members such as `"faults": [...]`.
func WorldWith(extra string) string {
	return strings.Replace(World, `"credentials"`, extra+`, "credentials"`, 1)
}

// ProviderBlock configures the provider against endpoint with the admin's key.
func ProviderBlock(endpoint string) string {
	return ProviderBlockWith(endpoint, `secret_id = "AKIDadmin"
  secret_key = "admin-key"`)
}

// RequiredProviders is the terraform block every test configuration starts with.
const RequiredProviders = `
terraform {
  required_providers {
    tencentcloud = {
      source = "tcorg/tencentcloud"
    }
  }
}
`

// ProviderFromEnvironment configures the provider from TENCENTCLOUD_* variables only.
const ProviderFromEnvironment = RequiredProviders + `provider "tencentcloud" {}
`

// ProviderBlockWith configures the provider against endpoint with arguments.
func ProviderBlockWith(endpoint, arguments string) string {
	return RequiredProviders + fmt.Sprintf(`
provider "tencentcloud" {
  %s
  endpoints {
    organization = %q
  }
}
`, arguments, endpoint)
}

// DataSourceAddress is the data source DataSourceBlock declares.
const DataSourceAddress = "data.tencentcloud_organization_member_email_bind.m"

// ExpectAttribute checks an attribute of the data source DataSourceBlock declares.
func ExpectAttribute(name string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(DataSourceAddress, tfjsonpath.New(name), value)
}

// DataSourceBlock reads one member's binding; memberUin is HCL, so it may
// be an expression.
func DataSourceBlock(memberUin string) string {
	return fmt.Sprintf(`
data "tencentcloud_organization_member_email_bind" "m" {
  member_uin = %s
}
`, memberUin)
}
