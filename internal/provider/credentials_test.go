// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

const (
	auditorRole  = "qcs::cam::uin/100000000001:roleName/auditor"
	guardedRole  = "qcs::cam::uin/100000000001:roleName/guarded"
	outsiderRole = "qcs::cam::uin/100000000009:roleName/outsider"
)

// writeProfile writes a tccli profile into dir: credential fields as JSON
// members, and a configure file when region is set.
func writeProfile(t *testing.T, dir, name, credentialJSON, region string) {
	t.Helper()
	acctest.WriteFile(t, filepath.Join(dir, name+".credential"), credentialJSON)
	if region != "" {
		acctest.WriteFile(t, filepath.Join(dir, name+".configure"), `{"_sys_param": {"region": "`+region+`", "output": "json"}}`)
	}
}

// expectSigners checks which SecretIds signed the organization reads: a
// fixed one, or with prefix "AKIDtmp" any temporary one, always with a token.
// No region is expected: none of these sources sets one.
func expectSigners(srv *emulator.Server, want string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reads := 0
		for _, r := range srv.Requests() {
			if r.Action != "DescribeOrganizationMemberEmailBind" {
				continue
			}
			reads++
			temporary := want == "AKIDtmp"
			if r.ErrorCode != "" || (temporary && (!strings.HasPrefix(r.SecretID, want) || !r.HasToken)) || (!temporary && r.SecretID != want) {
				return fmt.Errorf("a read was signed by %q (token %v, error %q), want %q", r.SecretID, r.HasToken, r.ErrorCode, want)
			}
			if r.Region != "" {
				return fmt.Errorf("a read carried region %q, want none", r.Region)
			}
		}
		if reads == 0 {
			return fmt.Errorf("the emulator saw no read")
		}
		return nil
	}
}

func testCredentialStep(t *testing.T, config string, check resource.TestCheckFunc) {
	t.Helper()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: config + acctest.DataSourceBlock("100033118139"), Check: check}},
	})
}

func TestAccCredentialFromArgumentsForProfileAndRole(t *testing.T) {
	t.Run("profile named by argument", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		dir := t.TempDir()
		writeProfile(t, dir, "audit", `{"secretId": "AKIDenv", "secretKey": "env-key", "type": "secret"}`, "")
		testCredentialStep(t, acctest.ProviderBlockWith(endpoints.Organization, fmt.Sprintf(`profile = "audit"
  shared_credentials_dir = %q`, dir)), expectSigners(srv, "AKIDenv"))
	})
	t.Run("CVM role named by argument", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		t.Setenv(envvar.MetadataEndpoint, endpoints.Metadata)
		testCredentialStep(t, acctest.ProviderBlockWith(endpoints.Organization, `cam_role_name = "terraform-runner"`), expectSigners(srv, "AKIDtmp"))
	})
}

func TestAccAssumeRole(t *testing.T) {
	const policy = `{"version":"2.0","statement":[{"effect":"allow","action":["organization:Describe*"],"resource":["*"]}]}`
	block := func(extra string) string {
		return `
  assume_role {
    role_arn = "` + guardedRole + `"
    session_name = "audit-run"
    session_duration = 3600
    external_id = "ext-123"
    policy = ` + fmt.Sprintf("%q", policy) + extra + `
  }`
	}
	expectCall := func(srv *emulator.Server, caller string) resource.TestCheckFunc {
		return resource.ComposeTestCheckFunc(expectSigners(srv, "AKIDtmp"), func(*terraform.State) error {
			calls := srv.AssumeRoleCalls()
			if len(calls) == 0 {
				return fmt.Errorf("no AssumeRole call")
			}
			want := emulator.AssumeRoleCall{
				CallerSecretID: caller, RoleArn: guardedRole, RoleSessionName: "audit-run",
				DurationSeconds: 3600, Policy: url.QueryEscape(policy), ExternalID: "ext-123",
			}
			if calls[0] != want {
				return fmt.Errorf("AssumeRole sent %+v, want %+v", calls[0], want)
			}
			return nil
		})
	}

	t.Run("on top of arguments", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		testCredentialStep(t, providerWithSTS(endpoints, `secret_id = "AKIDadmin"
  secret_key = "admin-key"`+block("")), expectCall(srv, "AKIDadmin"))
	})
	t.Run("on top of the environment, STS endpoint from the environment", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		t.Setenv(envvar.SecretID, "AKIDenv")
		t.Setenv(envvar.SecretKey, "env-key")
		t.Setenv(envvar.STSEndpoint, endpoints.STS)
		testCredentialStep(t, acctest.ProviderBlockWith(endpoints.Organization, block("")), expectCall(srv, "AKIDenv"))
	})
	t.Run("on top of a profile, from environment variables", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		dir := t.TempDir()
		writeProfile(t, dir, "default", `{"secretId": "AKIDloner", "secretKey": "loner-key"}`, "")
		t.Setenv(envvar.SharedCredentialsDir, dir)
		t.Setenv(envvar.AssumeRoleArn, guardedRole)
		t.Setenv(envvar.AssumeRoleSessionName, "audit-run")
		t.Setenv(envvar.AssumeRoleDuration, "3600")
		t.Setenv(envvar.AssumeRoleExternalID, "ext-123")
		testCredentialStep(t, providerWithSTS(endpoints, `assume_role {
    policy = `+fmt.Sprintf("%q", policy)+`
  }`), expectCall(srv, "AKIDloner"))
	})
	t.Run("role-arn in the profile file", func(t *testing.T) {
		srv, endpoints := acctest.StartEmulator(t, acctest.World)
		dir := t.TempDir()
		writeProfile(t, dir, "default", `{"secretId": "AKIDloner", "secretKey": "loner-key", "role-arn": "`+auditorRole+`", "role-session-name": "from-profile"}`, "")
		t.Setenv(envvar.SharedCredentialsDir, dir)
		testCredentialStep(t, providerWithSTS(endpoints, ""), resource.ComposeTestCheckFunc(
			expectSigners(srv, "AKIDtmp"),
			func(*terraform.State) error {
				calls := srv.AssumeRoleCalls()
				if len(calls) == 0 || calls[0].RoleArn != auditorRole || calls[0].RoleSessionName != "from-profile" || calls[0].CallerSecretID != "AKIDloner" {
					return fmt.Errorf("AssumeRole calls %+v", calls)
				}
				return nil
			}))
	})
}

// providerWithSTS is acctest.ProviderBlockWith that also points STS at the emulator's STS endpoint.
func providerWithSTS(endpoints acctest.Endpoints, arguments string) string {
	return strings.Replace(acctest.ProviderBlockWith(endpoints.Organization, arguments), "  endpoints {\n", fmt.Sprintf("  endpoints {\n    sts = %q\n", endpoints.STS), 1)
}

// TestAccAliasesWithDifferentProfiles proves there is no process-wide
// profile cache: two provider configurations in one run each sign with
// their own profile. It runs the built provider, because Terraform starts a
// process per provider configuration only for a real plugin binary; the
// in-process test server would be shared by both aliases.
func TestAccAliasesWithDifferentProfiles(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	dir := t.TempDir()
	writeProfile(t, dir, "first", `{"secretId": "AKIDadmin", "secretKey": "admin-key"}`, "")
	writeProfile(t, dir, "second", `{"secretId": "AKIDenv", "secretKey": "env-key"}`, "")
	config := acctest.RequiredProviders
	for _, alias := range []string{"first", "second"} {
		config += fmt.Sprintf(`
provider "tencentcloud" {
  alias                  = %[1]q
  profile                = %[1]q
  shared_credentials_dir = %[2]q
  endpoints {
    organization = %[3]q
  }
}
`, alias, dir, endpoints.Organization)
	}
	config += `
data "tencentcloud_organization_member_email_bind" "first" {
  provider   = tencentcloud.first
  member_uin = 100033118139
}

data "tencentcloud_organization_member_email_bind" "second" {
  provider   = tencentcloud.second
  member_uin = 100033118140
}
`
	if out, err := acctest.NewCLIWorkspace(t, config).Command("plan", "-input=false", "-no-color").CombinedOutput(); err != nil {
		t.Fatalf("terraform plan: %v\n%s", err, out)
	}
	seen := map[string]bool{}
	for _, r := range srv.Requests() {
		want := map[int64]string{100033118139: "AKIDadmin", 100033118140: "AKIDenv"}[r.MemberUin]
		if r.SecretID != want || r.ErrorCode != "" {
			t.Errorf("member %d was read with %s (error %q), want %s", r.MemberUin, r.SecretID, r.ErrorCode, want)
		}
		seen[r.SecretID] = true
	}
	if len(seen) != 2 {
		t.Errorf("reads were signed by %v, want both profiles' keys", seen)
	}
}

// TestAccTemporaryCredentialsAreRefreshed makes every issued credential
// live two seconds and reads for longer than that: without refreshing,
// later reads would fail with an expired token.
func TestAccTemporaryCredentialsAreRefreshed(t *testing.T) {
	const reads = 12
	config := func(endpoints acctest.Endpoints, credential string) string {
		return providerWithSTS(endpoints, credential+`
  rate_limit = 3`) + fmt.Sprintf(`
data "tencentcloud_organization_member_email_bind" "m" {
  count      = %d
  member_uin = 100033118139
}
`, reads)
	}
	for name, tc := range map[string]struct {
		credential string
		issuances  func(*emulator.Server) int
	}{
		"assumed role": {
			credential: `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "` + auditorRole + `"
  }`,
			issuances: func(srv *emulator.Server) int { return len(srv.AssumeRoleCalls()) },
		},
		"CVM role": {
			credential: `cam_role_name = "terraform-runner"`,
			issuances: func(srv *emulator.Server) int {
				n := 0
				for _, r := range srv.Requests() {
					if r.Action == "metadata:terraform-runner" {
						n++
					}
				}
				return n
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, acctest.WorldWith(`"temporary_credential_lifetime": "2s"`))
			t.Setenv(envvar.MetadataEndpoint, endpoints.Metadata)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: config(endpoints, tc.credential),
					Check: func(*terraform.State) error {
						// 12 reads at 3/s take about 4s per plan or apply: at least two credentials each.
						if n := tc.issuances(srv); n < 3 {
							return fmt.Errorf("%d temporary credentials were issued over %d reads of 2s-lived credentials, want a refresh", n, reads)
						}
						return expectSigners(srv, "AKIDtmp")(nil)
					},
				}},
			})
		})
	}
}

func TestAccCredentialSourceErrors(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	refusing := acctest.ClosedURL(t)

	dir := t.TempDir()
	writeProfile(t, dir, "broken", `{"secretId": "AKIDadmin", "secretKey": `, "")
	writeProfile(t, dir, "typed", `{"secretId": "AKIDadmin", "secretKey": 12345}`, "")
	writeProfile(t, dir, "partial", `{"secretId": "AKIDadmin"}`, "")
	writeProfile(t, dir, "badregion", `{"secretId": "AKIDadmin", "secretKey": "admin-key"}`, "")
	acctest.WriteFile(t, filepath.Join(dir, "badregion.configure"), `{"_sys_param": {"region": 7}}`)
	inDir := func(profile string) string {
		return fmt.Sprintf(`profile = %q
  shared_credentials_dir = %q`, profile, dir)
	}

	tests := []struct {
		name      string
		arguments string
		want      string
	}{
		{"profile not found", inDir("missing"),
			`Profile Not Found.*profile "missing" from the provider argument profile.*` + regexpQuote(filepath.Join(dir, "missing.credential")) + ` does not exist`},
		{"profile not JSON", inDir("broken"),
			`Profile Unreadable.*` + regexpQuote(filepath.Join(dir, "broken.credential")) + `: not a JSON object`},
		{"profile field of the wrong type", inDir("typed"),
			`Profile Unreadable.*typed\.credential: the field "secretKey" must be a string`},
		{"profile field missing", inDir("partial"),
			`Profile Unreadable.*partial.credential: the field "secretKey" is missing or empty`},
		{"configure file field of the wrong type", inDir("badregion"),
			`Profile Unreadable.*badregion\.configure: the field "_sys_param.region" must be a string`},
		{"not a CVM instance", `cam_role_name = "terraform-runner"`,
			`Cannot Obtain Tencent Cloud Credentials.*CVM instance role "terraform-runner".*could not be reached.*is this one`},
		{"CVM role not bound", `cam_role_name = "someone-else"`,
			`Cannot Obtain Tencent Cloud Credentials.*"someone-else".*no CAM role of that name is bound to this instance`},
		{"role does not exist", `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "qcs::cam::uin/1:roleName/nobody"
  }`,
			`Cannot Obtain Tencent Cloud Credentials.*role qcs::cam::uin/1:roleName/nobody assumed with the provider argument secret_id.*error code ResourceNotFound.RoleNotFound, RequestId [0-9a-f-]{36}`},
		{"external id required", `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "` + guardedRole + `"
  }`,
			`Cannot Obtain Tencent Cloud Credentials.*error code UnauthorizedOperation`},
		{"assume_role without role_arn", `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    session_name = "x"
  }`,
			`Missing Role ARN`},
		{"session duration out of range", `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "` + auditorRole + `"
    session_duration = 50000
  }`,
			`session_duration value must be between 0 and 43200`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			metadata := endpoints.Metadata
			if tt.name == "not a CVM instance" {
				metadata = refusing
			}
			t.Setenv(envvar.MetadataEndpoint, metadata)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      providerWithSTS(endpoints, tt.arguments) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.WrappedPattern(tt.want),
				}},
			})
		})
	}
	for _, r := range srv.Requests() {
		if r.Action == "DescribeOrganizationMemberEmailBind" {
			t.Errorf("a read was sent although the credential could not be obtained: %+v", r)
		}
	}
}

func regexpQuote(s string) string {
	return strings.NewReplacer(".", `\.`, "/", "/").Replace(s)
}

func TestHomeHasNoProfiles(t *testing.T) {
	home, _ := os.UserHomeDir()
	if _, err := os.Stat(filepath.Join(home, ".tccli")); err == nil {
		t.Fatalf("the test home %s has a .tccli directory", home)
	}
}
