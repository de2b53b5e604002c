// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// TestAccAThrottledAssumeRoleIsRetried plans through the real CLI with two
// aliases that assume a role with one account's key, against an STS that
// allows one AssumeRole per second and whose clock stands still until the
// throttled call is sent again. So the second alias's AssumeRole is
// throttled, with InvalidParameter.OverLimit as the SDK declares for it, and
// the plan succeeds only if the provider retries that code.
func TestAccAThrottledAssumeRoleIsRetried(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.WorldWith(`"rate_limit": 1`))
	start := time.Now()
	var mu sync.Mutex
	assumeRoles, moving := 0, false
	srv.Now = func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		if !moving {
			return start
		}
		// A second on, so that the first AssumeRole has left the window.
		return time.Now().Add(time.Second)
	}
	srv.BeforeRequest = func(action string, _ map[string]string) {
		mu.Lock()
		defer mu.Unlock()
		if action == "AssumeRole" {
			assumeRoles++
			moving = moving || assumeRoles > 2
		}
	}
	config := acctest.RequiredProviders
	for _, alias := range []string{"first", "second"} {
		config += fmt.Sprintf(`
provider "tencentcloud" {
  alias      = %[1]q
  secret_id  = "AKIDadmin"
  secret_key = "admin-key"
  endpoints {
    organization = %[2]q
    sts          = %[3]q
  }
  assume_role {
    role_arn     = %[4]q
    session_name = %[1]q
  }
}

data "tencentcloud_organization_member_email_bind" %[1]q {
  provider   = tencentcloud.%[1]s
  member_uin = 100033118139
}
`, alias, endpoints.Organization, endpoints.STS, auditorRole)
	}
	if out, err := acctest.NewCLIWorkspace(t, config).Run(t, "plan", "-input=false"); err != nil {
		t.Fatalf("terraform plan: %v\n%s", err, out)
	}
	var codes []string
	for _, r := range srv.Requests() {
		if r.Action == "AssumeRole" {
			codes = append(codes, r.ErrorCode)
		}
	}
	// The two aliases assume their roles at once, and the emulator records a
	// request when it answers, so the throttle may be recorded before the
	// first success. Three calls with one throttle, in a plan that succeeded,
	// mean the throttled one was sent again.
	slices.Sort(codes)
	if got := strings.Join(codes, ","); got != ",,InvalidParameter.OverLimit" {
		t.Errorf("AssumeRole was answered %q (sorted), want two successes and one InvalidParameter.OverLimit that was retried", got)
	}
}
