// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbinds"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/encodedstate"
)

// logFields are the key=value fields of the log lines with message.
func logFields(logs, message string) []map[string]string {
	field := regexp.MustCompile(`\b([a-z_]+)=("[^"]*"|\S+)`)
	var lines []map[string]string
	for _, line := range strings.Split(logs, "\n") {
		if !strings.Contains(line, message+":") {
			continue
		}
		values := map[string]string{}
		for _, m := range field.FindAllStringSubmatch(line, -1) {
			values[m[1]] = strings.Trim(m[2], `"`)
		}
		lines = append(lines, values)
	}
	return lines
}

// inventoryInfoLog plans a whole-organization read of acctest.InventoryWorld(n,
// extra), which must fail with expectError if that is not nil, and returns
// the provider's log at INFO.
func inventoryInfoLog(t *testing.T, n int, extra string, expectError *regexp.Regexp) string {
	t.Helper()
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, n, extra))
	logPath := filepath.Join(t.TempDir(), "info.log")
	t.Setenv("TF_LOG", "INFO")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: acctest.InventoryConfig(endpoints.Organization, ""), ExpectError: expectError}},
	})
	logs, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	return string(logs)
}

// TestAccInventoryReportsRetriesThrottlesAndASummaryAtInfo reads 40
// members of which reads are throttled 5 times and fail with InternalError 3
// times, and expects INFO progress to count them apart, with the time spent
// and left, one line with the members read and the calls made, and one
// when state is written.
func TestAccInventoryReportsRetriesThrottlesAndASummaryAtInfo(t *testing.T) {
	logs := inventoryInfoLog(t, 40, `, "faults": [
  {"kind": "throttled", "action": "DescribeOrganizationMemberEmailBind", "count": 5},
  {"kind": "internal_error", "action": "DescribeOrganizationMemberEmailBind", "count": 3}]`, nil)

	progress := logFields(logs, emailbinds.LogBindingProgress)
	if len(progress) == 0 {
		t.Fatalf("no %q lines", emailbinds.LogBindingProgress)
	}
	// The framework reads the data source more than once per test step;
	// the faults are spent by the first read.
	var last map[string]string
	for _, line := range progress {
		if line["done"] == "40" {
			last = line
			break
		}
	}
	for key, want := range map[string]string{"done": "40", "total": "40", "succeeded": "40", "failed": "0", "retried": "8", "throttled": "5", "time_left": "0s"} {
		if last[key] != want {
			t.Errorf("the last progress line has %s=%q, want %q: %v", key, last[key], want, last)
		}
	}
	for _, line := range progress {
		if line["elapsed"] == "" || line["time_left"] == "" {
			t.Errorf("a progress line lacks elapsed or time_left: %v", line)
		}
	}

	summary := logFields(logs, emailbinds.LogReadSummary)
	if len(summary) == 0 {
		t.Fatalf("no %q line", emailbinds.LogReadSummary)
	}
	first := summary[0]
	for key, want := range map[string]string{"outcome": "complete", "members": "40", "listing_calls": "2", "binding_calls": "40",
		"api_calls": "42", "attempts": "50", "retries": "8", "throttles": "5", "failed_calls": "0"} {
		if first[key] != want {
			t.Errorf("the summary has %s=%q, want %q: %v", key, first[key], want, first)
		}
	}
	// The state line closes the read, with the conversion's time.
	written := logFields(logs, emailbinds.LogStateWritten)
	if len(written) == 0 || written[0]["members"] != "40" || written[0]["conversion"] == "" {
		t.Errorf("no %q line with members=40 and the conversion's time: %v", emailbinds.LogStateWritten, written)
	}
	// The provider is served as main serves it: the state goes encoded.
	if sent := logFields(logs, encodedstate.LogStateSent); len(sent) == 0 || sent[0]["bytes"] == "" {
		t.Errorf("no %q line with the state's size: %v", encodedstate.LogStateSent, sent)
	}
}

// TestAccInventoryProgressCountsAFailedReadApartFromTheSucceeded reads 40
// members of which one's binding read fails for good, and expects the last
// progress line and the summary to count that read as failed, not done
// well, and the summary to say the read failed.
func TestAccInventoryProgressCountsAFailedReadApartFromTheSucceeded(t *testing.T) {
	failing := acctest.FirstInventoryUin + 7
	logs := inventoryInfoLog(t, 40, fmt.Sprintf(`, "faults": [
  {"kind": "error", "action": "DescribeOrganizationMemberEmailBind", "code": "FailedOperation.EmailBindRecordInvalid", "member_uin": %d, "count": 100}]`, failing),
		acctest.ErrorMatching("could not be read", fmt.Sprint(failing), "FailedOperation.EmailBindRecordInvalid"))

	var last map[string]string
	for _, line := range logFields(logs, emailbinds.LogBindingProgress) {
		if line["done"] == "40" {
			last = line
			break
		}
	}
	for key, want := range map[string]string{"done": "40", "succeeded": "39", "failed": "1"} {
		if last[key] != want {
			t.Errorf("the last progress line has %s=%q, want %q: %v", key, last[key], want, last)
		}
	}
	summary := logFields(logs, emailbinds.LogReadSummary)
	if len(summary) == 0 {
		t.Fatalf("no %q line", emailbinds.LogReadSummary)
	}
	for key, want := range map[string]string{"outcome": "failed", "failed_calls": "1"} {
		if summary[0][key] != want {
			t.Errorf("the summary has %s=%q, want %q: %v", key, summary[0][key], want, summary[0])
		}
	}
}
