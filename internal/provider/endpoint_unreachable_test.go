// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

// A dead endpoint: one error, fast, naming where the endpoint came from.

import (
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// inventoryWithoutEndpoint reads the inventory world's organization with
// no endpoints block, so that the endpoint comes from the environment.
const inventoryWithoutEndpoint = acctest.RequiredProviders + `
provider "tencentcloud" {
  secret_id  = "AKIDinv"
  secret_key = "inv-key"
}

data "tencentcloud_organization_member_email_binds" "all" {}
`

func TestAccEndpointDeadFromTheStartFailsWithinSecondsNamingTheEnvironmentVariable(t *testing.T) {
	_, _ = acctest.ServeWorld(t, acctest.InventoryWorld(t, 10, ""))
	endpoint := acctest.ClosedURL(t)
	t.Setenv(envvar.OrganizationEndpoint, endpoint)
	began := time.Now()
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: inventoryWithoutEndpoint,
			ExpectError: acctest.ErrorMatching("Tencent Cloud API Endpoint Unreachable", endpoint, "attempts in a row",
				"connection refused", "comes from the environment variable "+envvar.OrganizationEndpoint),
		}},
	})
	// The test framework runs the CLI a few times around the plan.
	if took := time.Since(began); took > 15*time.Second {
		t.Errorf("the test took %s; a dead endpoint must fail within seconds", took)
	}
}

func TestAccEndpointThatDiesMidReadFailsWithinSecondsAsOneError(t *testing.T) {
	srv := emulator.New(acctest.InventoryWorld(t, 120, ""))
	acctest.ExpectOnlyDeclaredAnswers(t, srv)
	var binds atomic.Int32
	var died sync.Once
	var diedAt atomic.Int64
	var ts *httptest.Server
	handler := srv.Handler(emulator.ServiceOrganization)
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-TC-Action") == "DescribeOrganizationMemberEmailBind" && binds.Add(1) == 30 {
			died.Do(func() {
				diedAt.Store(time.Now().UnixNano())
				go ts.Close()
			})
		}
		handler.ServeHTTP(w, r)
	}))
	t.Cleanup(ts.Close)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// max_retries stays at its default of 10, as in the report
			// of a read that went on for 7 minutes.
			Config: acctest.ProviderBlockWith(ts.URL, `secret_id = "AKIDinv"
  secret_key = "inv-key"`) + `
data "tencentcloud_organization_member_email_binds" "all" {}
`,
			ExpectError: acctest.ErrorMatching("Tencent Cloud API Endpoint Unreachable", "could not be read", ts.URL,
				"attempts in a row", "comes from the provider argument endpoints.organization"),
		}},
	})
	if diedAt.Load() == 0 {
		t.Fatal("the endpoint never died")
	}
	if took := time.Since(time.Unix(0, diedAt.Load())); took > 15*time.Second {
		t.Errorf("the read ended %s after the endpoint died; want within 15 s", took)
	}
}

func TestAccDeadSTSEndpointIsNamedWithItsEnvironmentVariable(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.STSEndpoint, acctest.ClosedURL(t))
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn     = "qcs::cam::uin/100000000001:roleName/audit"
    session_name = "audit-run"
  }`) + acctest.DataSourceBlock("100033118139"),
			ExpectError: acctest.ErrorMatching("could not be reached", "attempts in a row", "connection refused",
				"The STS endpoint comes from the environment variable "+envvar.STSEndpoint),
		}},
	})
}

// cliOutput runs cmd, killing it after limit, and returns its output, its
// spaces and line breaks made single spaces, and how long it ran.
func cliOutput(t *testing.T, cmd *exec.Cmd, limit time.Duration) (string, time.Duration) {
	t.Helper()
	began := time.Now()
	done := make(chan struct{})
	var out []byte
	go func() { out, _ = cmd.CombinedOutput(); close(done) }()
	select {
	case <-done:
	case <-time.After(limit):
		_ = cmd.Process.Kill()
		<-done
		t.Errorf("still running after %s", limit)
	}
	// Terraform wraps long lines.
	return strings.Join(strings.Fields(string(out)), " "), time.Since(began)
}

func TestAccWrongEndpointBehindAProxyFailsWithinSecondsNamingTheProxy(t *testing.T) {
	proxy := acctest.ConnectProxy(t, "502 Bad Gateway")
	w := acctest.NewCLIWorkspace(t, inventoryWithoutEndpoint)
	cmd := w.Command("plan", "-input=false", "-no-color")
	cmd.Env = append(cmd.Env, "HTTPS_PROXY=http://proxy-user:proxy-secret@"+proxy,
		envvar.OrganizationEndpoint+"=https://organization.wrong-host.invalid")
	out, took := cliOutput(t, cmd, 180*time.Second)
	for _, want := range []string{"Tencent Cloud API Endpoint Unreachable", "the proxy " + proxy, "HTTPS_PROXY",
		"refused to connect to the endpoint", "502 Bad Gateway"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "proxy-secret") || strings.Contains(out, "max_retries") {
		t.Errorf("output quotes the proxy's password or advises max_retries:\n%s", out)
	}
	if took > 15*time.Second {
		t.Errorf("a wrong endpoint behind a proxy took %s; want within seconds", took.Round(time.Second))
	}
}

func TestAccMemberUinsOnAnEndpointDeadFromTheStartAreOneError(t *testing.T) {
	endpoint := acctest.ClosedURL(t)
	// max_retries 2: every call gives up before the 2 s grace ends.
	w := acctest.NewCLIWorkspace(t, acctest.InventoryConfig(endpoint, `member_uins = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]`))
	out, _ := cliOutput(t, w.Command("plan", "-input=false", "-no-color"), 180*time.Second)
	for _, want := range []string{"Tencent Cloud API Endpoint Unreachable", "10 of 10 members could not be read",
		"No connection could be made to " + endpoint, "connection refused", "endpoints.organization"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "Error:"); n != 1 || strings.Contains(out, "member 7:") || strings.Contains(out, "max_retries") {
		t.Errorf("want one error without a line per member or advice on max_retries, got %d errors:\n%s", n, out)
	}
}
