// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// worldWithFaults is acctest.World with the given faults JSON.
func worldWithFaults(faults string) string {
	return acctest.WorldWith(`"faults": ` + faults)
}

func requestsFor(srv *emulator.Server, memberUin int64) (total, failed int) {
	for _, r := range srv.Requests() {
		if r.MemberUin == memberUin {
			total++
			if r.ErrorCode != "" {
				failed++
			}
		}
	}
	return total, failed
}

func TestAccTransientFaultsAreRetried(t *testing.T) {
	for _, kind := range []string{
		emulator.FaultInternalError, emulator.FaultBadGateway, emulator.FaultTruncatedJSON, emulator.FaultReset,
	} {
		t.Run(kind, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, worldWithFaults(`[{"kind": "`+kind+`", "count": 2}]`))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderBlock(endpoints.Organization) + acctest.DataSourceBlock("100033118139"),
					ConfigStateChecks: []statecheck.StateCheck{
						acctest.ExpectAttribute("email", knownvalue.StringExact("123@qq.com")),
					},
					Check: func(*terraform.State) error {
						// The first read met both faults; later reads of the step met none.
						total, failed := requestsFor(srv, 100033118139)
						if failed != 2 || total < 3 {
							return fmt.Errorf("emulator saw %d requests, %d failed; want 2 failures then success", total, failed)
						}
						return nil
					},
				}},
			})
		})
	}
}

func TestAccPermanentFaultsAreReported(t *testing.T) {
	tests := []struct {
		name      string
		faults    string
		arguments string
		want      string
	}{
		{
			name:   "malformed JSON is not retried",
			faults: `[{"kind": "malformed_json"}]`,
			want: `Unexpected API Response.*does not have the documented shape.*` +
				`The response began: \{"Response":\{"BindId":"not-a-number"`,
		},
		{
			name:      "slow server times out",
			faults:    `[{"kind": "delay", "delay": "30s"}]`,
			arguments: `request_timeout = "500ms"` + "\n" + `max_retries = 1`,
			want:      `API Request Timed Out.*did not answer within request_timeout \(500ms\).*gave up after 2 attempts \(1 retries\)`,
		},
		{
			name:      "retries are exhausted",
			faults:    `[{"kind": "internal_error"}]`,
			arguments: `max_retries = 2`,
			want:      `Tencent Cloud Internal Error.*Error code: InternalError.*RequestId: [0-9a-f-]{36}.*gave up after 3 attempts \(2 retries\) over [0-9.]+m?s.*Raise max_retries`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, worldWithFaults(tt.faults))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  `+tt.arguments) + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.WrappedPattern(tt.want),
				}},
			})
			if tt.name == "malformed JSON is not retried" {
				if total, _ := requestsFor(srv, 100033118139); total != 1 {
					t.Errorf("a malformed response was requested %d times, want once", total)
				}
			}
		})
	}
}

// TestAccManyReadsStayUnderTheRateLimit reads 200 members with parallelism
// well above the API's 20/s against an emulator that enforces it: the
// client-side limiter and retries must keep every read successful.
func TestAccManyReadsStayUnderTheRateLimit(t *testing.T) {
	const members = 200
	var list strings.Builder
	for i := range members {
		if i > 0 {
			list.WriteString(",")
		}
		fmt.Fprintf(&list, `{"member_uin": %d, "email_bind": {"BindStatus": "Success", "Email": "m%d@example.com"}}`, 200000000000+int64(i), i)
	}
	worldJSON := fmt.Sprintf(`{"rate_limit": 20,
  "credentials": [{"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 1}],
  "organizations": [{"admin_uin": 1, "members": [%s]}]}`, list.String())
	world, err := emulator.ParseWorld([]byte(worldJSON))
	if err != nil {
		t.Fatal(err)
	}
	srv, endpoints := acctest.ServeWorld(t, world)
	for _, command := range []string{"plan", "apply", "refresh"} {
		t.Setenv("TF_CLI_ARGS_"+command, "-parallelism=64")
	}

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(endpoints.Organization) + fmt.Sprintf(`
data "tencentcloud_organization_member_email_bind" "m" {
  # count rather than for_each: the test framework's state shim cannot
  # index data sources by string key.
  count      = %d
  member_uin = 200000000000 + count.index
}

output "bound" {
  value = length([for m in data.tencentcloud_organization_member_email_bind.m : m if m.bind_status == "Success"])
}
`, members),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("bound", knownvalue.Int64Exact(members)),
			},
		}},
	})
	throttled := 0
	for _, r := range srv.Requests() {
		if r.ErrorCode == "RequestLimitExceeded" {
			throttled++
		}
	}
	t.Logf("%d requests served, %d throttled by the emulator and retried", len(srv.Requests()), throttled)
}

// TestAccInterruptStopsASlowRead runs a real `terraform plan` with the
// built provider against a server that never answers in time, interrupts
// it as Ctrl-C does, and expects Terraform to finish promptly.
func TestAccInterruptStopsASlowRead(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, worldWithFaults(`[{"kind": "delay", "delay": "60s"}]`))
	cmd := acctest.NewCLIWorkspace(t, acctest.ProviderBlock(endpoints.Organization)+acctest.DataSourceBlock("100033118139")).Command("plan", "-input=false", "-no-color")
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = cmd.Stdout
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	output := make(chan string, 1)
	reading := make(chan struct{})
	go func() {
		var all strings.Builder
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			all.WriteString(scanner.Text() + "\n")
			if strings.Contains(scanner.Text(), "Reading...") {
				close(reading)
			}
		}
		output <- all.String()
	}()

	select {
	case <-reading:
	case <-time.After(60 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("terraform never started the read:\n%s", <-output)
	}
	time.Sleep(500 * time.Millisecond)
	interrupted := time.Now()
	_ = cmd.Process.Signal(syscall.SIGINT)

	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	select {
	case err := <-done:
		// Terraform exits non-zero after an interrupt; only the timing matters here.
		t.Logf("terraform exited after the interrupt: %v", err)
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		t.Fatalf("terraform was still running 20s after the interrupt:\n%s", <-output)
	}
	// The read would otherwise wait out the 60s delay or the 30s request timeout.
	if took := time.Since(interrupted); took > 5*time.Second {
		t.Errorf("terraform took %v to stop after the interrupt", took)
	}
	if out := <-output; !strings.Contains(out, "Interrupt received") {
		t.Errorf("terraform did not see the interrupt:\n%s", out)
	}
}
