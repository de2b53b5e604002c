// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

var testAccProtoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"tencentcloud": providerserver.NewProtocol6WithError(New("test")()),
}

// liveEnvironment keeps the caller's TENCENTCLOUD_* variables for the live
// test; every other test runs with them cleared, so a developer's real
// credentials can neither leak into nor change an emulator test.
var liveEnvironment = map[string]string{}

func TestMain(m *testing.M) {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, envvar.Prefix) {
			liveEnvironment[name] = value
			_ = os.Unsetenv(name)
		}
	}
	// An empty home directory, so that a developer's ~/.tccli profiles are
	// not found, with an empty CLI configuration; Go's caches stay where
	// they were.
	home, err := isolateHome()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Test configurations name the provider by its real source address, as users do.
	if os.Getenv(resource.EnvTfAccProviderNamespace) == "" {
		_ = os.Setenv(resource.EnvTfAccProviderNamespace, "tcorg")
	}
	code := m.Run()
	_ = os.RemoveAll(home)
	if providerBuildDir != "" {
		_ = os.RemoveAll(providerBuildDir)
	}
	os.Exit(code)
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

// testEndpoints are the base URLs of one emulator's services. Each service
// has its own, as in the real cloud, so that a test which sends an action to
// the wrong service's endpoint fails here as it would against Tencent Cloud.
type testEndpoints struct {
	organization, sts, metadata string
}

// startEmulator serves testWorld on loopback for one test.
func startEmulator(t *testing.T) (*emulator.Server, testEndpoints) {
	t.Helper()
	return startEmulatorWith(t, "")
}

// startEmulatorWith serves testWorld with extra top-level fields, given as
// JSON members such as `"faults": [...]`.
func startEmulatorWith(t *testing.T, extra string) (*emulator.Server, testEndpoints) {
	t.Helper()
	doc := testWorld
	if extra != "" {
		doc = strings.Replace(testWorld, `"credentials"`, extra+`, "credentials"`, 1)
	}
	world, err := emulator.ParseWorld([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	return serveWorld(t, world)
}

// serveWorld serves world on loopback for one test, each service on its
// own port; all share the world's state.
func serveWorld(t *testing.T, world emulator.World) (*emulator.Server, testEndpoints) {
	t.Helper()
	srv := emulator.New(world)
	// Every answer the emulator gives must be one the real API declares,
	// or a test could pass on an error Tencent Cloud never returns.
	t.Cleanup(func() {
		for _, answer := range srv.UndeclaredAnswers() {
			t.Errorf("the emulator answered %s, which the action does not declare", answer)
		}
	})
	serve := func(service string) string {
		ts := httptest.NewServer(srv.Handler(service))
		t.Cleanup(ts.Close)
		return ts.URL
	}
	return srv, testEndpoints{
		organization: serve(emulator.ServiceOrganization),
		sts:          serve(emulator.ServiceSTS),
		metadata:     serve(emulator.ServiceMetadata),
	}
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

// errorMatching matches an error output that contains every phrase in
// order, whatever line wrapping Terraform applied between words.
func errorMatching(phrases ...string) *regexp.Regexp {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}

// wrappedPattern compiles a regular expression in which each space matches
// any run of whitespace, since Terraform wraps long diagnostic lines.
func wrappedPattern(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}

func TestAccProviderConfigurationErrors(t *testing.T) {
	_, endpoints := startEmulator(t)
	tests := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{
			name:   "no credentials",
			config: providerBlockWith(endpoints.organization, ""),
			want:   errorMatching("No Tencent Cloud Credentials", "secret_id and secret_key", "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"),
		},
		{
			name:   "secret id without key",
			config: providerBlockWith(endpoints.organization, `secret_id = "AKIDadmin"`),
			want:   errorMatching("Incomplete Tencent Cloud Credential", "provider argument secret_id is set", "provider argument secret_key is not"),
		},
		{
			name:   "secret key without id",
			config: providerBlockWith(endpoints.organization, `secret_key = "admin-key"`),
			want:   errorMatching("Incomplete Tencent Cloud Credential", "secret_key is set"),
		},
		{
			name:   "endpoint without scheme",
			config: providerBlockWith("127.0.0.1:8080", `secret_id = "a"`+"\n"+`secret_key = "b"`),
			want:   errorMatching("Invalid Endpoint URL", "endpoints.organization", "must be a full URL"),
		},
		{
			name:   "endpoint with query",
			config: providerBlockWith(endpoints.organization+"/?x=1", `secret_id = "a"`+"\n"+`secret_key = "b"`),
			want:   errorMatching("Invalid Endpoint URL", "must not contain"),
		},
		{
			name:   "protocol",
			config: providerBlockWith(endpoints.organization, `secret_id = "a"`+"\n"+`secret_key = "b"`+"\n"+`protocol = "FTP"`),
			want:   errorMatching("Invalid Protocol", `"FTP"`, "provider argument protocol", "must be HTTPS or HTTP"),
		},
		{
			name:   "domain with scheme",
			config: providerBlockWith(endpoints.organization, `secret_id = "a"`+"\n"+`secret_key = "b"`+"\n"+`domain = "https://tencentcloudapi.com"`),
			want:   errorMatching("Invalid Domain", "root domain"),
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
	srv, endpoints := startEmulator(t)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.organization)
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
	srv, endpoints := startEmulator(t)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, "http://127.0.0.1:1")
	t.Setenv(envvar.Region, "ap-singapore")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlockWith(endpoints.organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  region = "ap-guangzhou"`) + dataSourceBlock("100033118139"),
			Check: expectCallers(srv, "AKIDadmin", "ap-guangzhou"),
		}},
	})
}

func TestAccARegionTencentCloudDoesNotHaveIsUnsupported(t *testing.T) {
	_, endpoints := startEmulator(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerBlockWith(endpoints.organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  region = "ap-atlantis"`) + dataSourceBlock("100033118139"),
			ExpectError: errorMatching("Unsupported Region", "unset the region argument and "+envvar.Region, "UnsupportedRegion", "ap-atlantis"),
		}},
	})
}

func TestAccTemporaryCredentialFromEnvironment(t *testing.T) {
	srv, endpoints := startEmulator(t)
	t.Setenv(envvar.SecretID, "AKIDtemp")
	t.Setenv(envvar.SecretKey, "temp-key")
	t.Setenv(envvar.SecurityToken, "temp-token")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.organization)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerFromEnvironment + dataSourceBlock("100033118139"),
			Check:  expectCallers(srv, "AKIDtemp", ""),
		}},
	})
}

func TestAccInvalidSettingsFromEnvironmentNameTheVariable(t *testing.T) {
	_, endpoints := startEmulator(t)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.organization)
	t.Setenv(envvar.Protocol, "ftp")
	t.Setenv(envvar.Domain, "example.com/api")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: providerFromEnvironment + dataSourceBlock("100033118139"),
			ExpectError: wrappedPattern(`(?:Invalid Protocol.*"ftp" from the environment variable TENCENTCLOUD_PROTOCOL.*Invalid Domain.*"example.com/api" from the environment variable TENCENTCLOUD_DOMAIN)` +
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
