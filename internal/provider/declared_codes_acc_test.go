// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbinds"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// retriedCodes are the codes of the cases that must be retried, by the
// project's rule (DESIGN.md, "Retry only what asking again can fix"):
// InternalError with its sub-codes, ServiceUnavailable, ResourceUnavailable,
// RequestLimitExceeded with every sub-code, and STS's throttle
// InvalidParameter.OverLimit. Written out rather than asked of
// tencentapi.RetryableCode, the rule under test, so that a change to that
// rule fails here.
var retriedCodes = []string{
	"InternalError", "InternalError.GetRoleError", "InternalError.IllegalRole",
	"InvalidParameter.OverLimit",
	"RequestLimitExceeded", "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
	"RequestLimitExceeded.IPLimitExceeded", "RequestLimitExceeded.UinLimitExceeded",
	"ResourceUnavailable", "ServiceUnavailable",
}

// codeMaxRetries keeps a retried code to two attempts, so that a plan per
// code stays fast.
const codeMaxRetries = 1

// codeCase is one code of a diagnostics table, the action the emulator
// answers it for, the configuration that calls that action, and what the
// plan's error must say.
type codeCase struct {
	table, code, action string
	arguments, read     string
	want                *regexp.Regexp
}

// organizationCodeCases are every code of the Organization tables: each
// action's own codes for that action, and the common codes for both
// actions, each read by the data source that calls it.
func organizationCodeCases() []codeCase {
	var cases []codeCase
	add := func(table string, codes explain.Table, action string) {
		own := actionCall(action).Codes
		for _, code := range codes.Codes() {
			d := explain.ReadError(&tencentapi.Error{Code: code, RequestID: "r"}, actionCall(action))
			read := acctest.DataSourceBlock("100033118139")
			if action == actionMembersName {
				read = `
data "tencentcloud_organization_member_email_binds" "all" {}
`
			}
			cases = append(cases, codeCase{
				table: table, code: code, action: action,
				// A temporary credential with its token, so that
				// AuthFailure.TokenFailure is explained as a wrong token,
				// not as the missing token a lone key would be.
				arguments: `secret_id = "AKIDtemp"
  secret_key = "temp-key"
  security_token = "temp-token"
  max_retries = ` + fmt.Sprint(codeMaxRetries),
				read: read,
				want: acctest.ErrorMatching(slices.Concat([]string{"Error: " + d.Summary()},
					explanationPhrases(code, own), []string{"Error code: " + code, "RequestId: "})...),
			})
		}
	}
	add("emailbind.Codes", emailbind.Codes(), actionEmailBindName)
	add("emailbinds.Codes", emailbinds.Codes(), actionMembersName)
	add("explain.CommonCodes", explain.CommonCodes(), actionEmailBindName)
	add("explain.CommonCodes", explain.CommonCodes(), actionMembersName)
	return cases
}

// placeholder is a part of an explanation filled in at run time, such as
// {uin} or {endpoint}.
var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// explanationPhrases are the meaning and fix of code as explain's lookup
// finds them, in the action's own table and then the common one, cut at
// the placeholders, whose values the diagnostic knows and the test does
// not. Pieces with no words between two placeholders are dropped, since
// they would match nothing.
func explanationPhrases(code string, own explain.Table) []string {
	exp, ok := own.Own(code)
	if !ok {
		exp, _ = explain.CommonCodes().Own(code)
	}
	var phrases []string
	for _, text := range []string{exp.Meaning, exp.Fix} {
		for _, piece := range placeholder.Split(text, -1) {
			if strings.TrimSpace(piece) != "" {
				phrases = append(phrases, piece)
			}
		}
	}
	return phrases
}

// actionCall is what a diagnostic about action may mention: its own
// codes, as each data source gives them, and a temporary credential's
// three parts from the provider block, as the cases configure it.
func actionCall(action string) explain.Call {
	codes := emailbind.Codes()
	if action == actionMembersName {
		codes = emailbinds.Codes()
	}
	sources := explain.CredentialSources{
		SecretID: "the provider argument secret_id", SecretKey: "the provider argument secret_key",
		SecurityToken: "the provider argument security_token",
	}
	return explain.Call{Action: action, Codes: codes, Sources: sources}
}

const (
	actionEmailBindName = "DescribeOrganizationMemberEmailBind"
	actionMembersName   = "DescribeOrganizationMembers"
)

// stsCodeActions are the STS actions, in the order a code is tried on
// them: the first that declares a code answers it.
var stsCodeActions = []string{"AssumeRole", actionIdentity, actionSession, actionWebID}

// stsCodeCases are every code of the STS table, each answered by the
// first STS action that declares it, through the provider setting that
// calls that action.
func stsCodeCases(t *testing.T) []codeCase {
	var cases []codeCase
	for _, code := range explain.STSCodes().Codes() {
		i := slices.IndexFunc(stsCodeActions, func(action string) bool { return emulator.Declares(action, code) })
		if i < 0 {
			t.Errorf("explain.STSCodes: %s is declared by no STS action and is not a common code, so no test can reach it", code)
			continue
		}
		action := stsCodeActions[i]
		key := `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  max_retries = ` + fmt.Sprint(codeMaxRetries)
		arguments := map[string]string{
			"AssumeRole": key + `
  assume_role {
    role_arn = "` + auditorRole + `"
  }`,
			actionIdentity: key + `
  allowed_account_ids = ["100000000001"]`,
			actionSession: key + `
  mfa_certification {
    serial_number = "` + mfaSerial + `"
    token_code = "123456"
  }`,
			actionWebID: fmt.Sprintf(`max_retries = %d
  assume_role_with_web_identity {
    provider_id = %q
    role_arn = %q
    web_identity_token_file = %q
  }`, codeMaxRetries, oidcProvider, auditorRole, writeTokenFile(t, "oidc-token-one")),
		}[action]
		cases = append(cases, codeCase{
			table: "explain.STSCodes", code: code, action: action, arguments: arguments, read: acctest.DataSourceBlock("100033118139"),
			want: acctest.ErrorMatching(code, explain.DescribeSTSCode(code)),
		})
	}
	return cases
}

// TestAccEveryExplainedCodeIsAnsweredAndRetriedAsItShouldBe plans once per
// code of the provider's diagnostics tables against an emulator whose
// error fault answers that code, through the CLI: the diagnostic must name
// the code and carry its explanation (an Organization code's summary,
// meaning and fix; an STS code's meaning and fix), and the action must have
// been sent max_retries+1 times for a code of retriedCodes and once
// otherwise.
func TestAccEveryExplainedCodeIsAnsweredAndRetriedAsItShouldBe(t *testing.T) {
	cases := append(organizationCodeCases(), stsCodeCases(t)...)
	for _, code := range retriedCodes {
		if !slices.ContainsFunc(cases, func(tc codeCase) bool { return tc.code == code }) {
			t.Errorf("retriedCodes: %s is the code of no case, so the list is out of date", code)
		}
	}
	for _, tc := range cases {
		if !emulator.Declares(tc.action, tc.code) {
			t.Errorf("%s: %s is declared neither by %s nor as a common code, so no test can reach it", tc.table, tc.code, tc.action)
			continue
		}
		t.Run(tc.table+"/"+tc.action+"/"+tc.code, func(t *testing.T) {
			fault := fmt.Sprintf(`"faults": [{"kind": "error", "action": %q, "code": %q}]`, tc.action, tc.code)
			srv, endpoints := acctest.StartEmulator(t, acctest.WorldWith(fault))
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      providerWithSTS(endpoints, tc.arguments) + tc.read,
					ExpectError: tc.want,
				}},
			})
			sent, retried := len(acctest.Requests(srv, tc.action)), slices.Contains(retriedCodes, tc.code)
			switch {
			case retried && sent != 1+codeMaxRetries:
				t.Errorf("%s must be retried: %s was sent %d times, want %d", tc.code, tc.action, sent, 1+codeMaxRetries)
			case !retried && sent != 1:
				t.Errorf("%s is not in retriedCodes, so must be sent once: %s was sent %d times", tc.code, tc.action, sent)
			}
		})
	}
}
