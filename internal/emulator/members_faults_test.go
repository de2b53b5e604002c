// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"sync"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

func emailBind(t *testing.T, baseURL string, cred *common.Credential, memberUin int64) (map[string]any, string) {
	t.Helper()
	resp, apiErr := call(t, baseURL, cred, "2021-03-31", "DescribeOrganizationMemberEmailBind", map[string]any{"MemberUin": memberUin})
	if apiErr != nil {
		return nil, apiErr.Code
	}
	return resp, ""
}

func listCode(t *testing.T, baseURL string, params map[string]any) string {
	t.Helper()
	if _, apiErr := listMembers(t, baseURL, adminCred, params); apiErr != nil {
		return apiErr.Code
	}
	return ""
}

func TestAFaultWithAnActionHitsOnlyThatAction(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[
    {"kind": "internal_error", "action": "DescribeOrganizationMembers", "count": 1},
    {"kind": "internal_error", "action": "DescribeOrganizationMemberEmailBind", "count": 1}]`))
	if _, code := emailBind(t, endpoints.Organization, adminCred, uinProd); code != "InternalError" {
		t.Errorf("first email-bind request: code %q, want InternalError from its own fault", code)
	}
	if _, code := emailBind(t, endpoints.Organization, adminCred, uinProd); code != "" {
		t.Errorf("second email-bind request: code %q, want success", code)
	}
	if code := listCode(t, endpoints.Organization, map[string]any{}); code != "InternalError" {
		t.Errorf("first listing request: code %q, want InternalError from its own fault", code)
	}
	if code := listCode(t, endpoints.Organization, map[string]any{}); code != "" {
		t.Errorf("second listing request: code %q, want success", code)
	}
}

func TestAMemberFaultNeverHitsTheListing(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "internal_error", "member_uin": 100033118139}]`))
	if code := listCode(t, endpoints.Organization, map[string]any{"SearchKey": "100033118139"}); code != "" {
		t.Errorf("listing: code %q, want success", code)
	}
	if _, code := emailBind(t, endpoints.Organization, adminCred, uinProd); code != "InternalError" {
		t.Errorf("email bind of the member: code %q, want InternalError", code)
	}
	if reqs := srv.Requests(); reqs[1].MemberUin != uinProd || reqs[1].ErrorCode != "InternalError" {
		t.Errorf("recorded %+v", reqs[1])
	}
}

// typedListing is how a client decodes the action, with the SDK's types.
type typedListing struct {
	Response struct {
		Items []struct {
			MemberUin *int64
			NodeId    *int64
		}
		Total     *uint64
		RequestId *string
	}
}

func TestMalformedAndTruncatedListingsBreakAListingDecoder(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[
    {"kind": "malformed_json", "action": "DescribeOrganizationMembers", "count": 1},
    {"kind": "truncated_json", "action": "DescribeOrganizationMembers", "count": 1}]`))

	malformed := rawResponse(t, endpoints.Organization, map[string]any{})
	var decoded typedListing
	if err := json.Unmarshal(malformed, &decoded); err == nil {
		t.Errorf("malformed_json %s decoded as a listing", malformed)
	}
	var generic struct{ Response map[string]any }
	if err := json.Unmarshal(malformed, &generic); err != nil || generic.Response["RequestId"] == nil {
		t.Errorf("malformed_json %s is not a well-formed envelope: %v", malformed, err)
	}

	truncated := rawResponse(t, endpoints.Organization, map[string]any{})
	if json.Valid(truncated) || !bytes.HasPrefix(truncated, []byte(`{"Response":{"Items":[`)) {
		t.Errorf("truncated_json sent %s, want a listing cut short", truncated)
	}

	if err := json.Unmarshal(rawResponse(t, endpoints.Organization, map[string]any{}), &decoded); err != nil || decoded.Response.Total == nil || *decoded.Response.Total != 12 {
		t.Errorf("after the faults: %v, Total %v", err, decoded.Response.Total)
	}
}

func TestAMemberLeavesAfterTheKthPage(t *testing.T) {
	leaving := fillerUin(4) // on the second page of five
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "member_leaves", "member_uin": 100033118204, "after_page": 2}]`))

	first := mustList(t, endpoints.Organization, adminCred, map[string]any{"Limit": 5})
	// Failed requests are not pages.
	if code := listCode(t, endpoints.Organization, map[string]any{"Limit": 0}); code != "InvalidParameter" {
		t.Fatalf("code %q", code)
	}
	if _, code := emailBind(t, endpoints.Organization, adminCred, leaving); code != "" {
		t.Errorf("before the second page, email bind of the leaving member: %q", code)
	}
	// Pages count across callers.
	second := mustList(t, endpoints.Organization, delegateCred, map[string]any{"Offset": 5, "Limit": 5, "Product": "CloudAudit"})
	third := mustList(t, endpoints.Organization, adminCred, map[string]any{"Offset": 10, "Limit": 5})

	if first.Total != "12" || second.Total != "12" || third.Total != "11" {
		t.Errorf("Totals %s, %s, %s; want 12, 12, 11", first.Total, second.Total, third.Total)
	}
	if !slices.Contains(second.uins(), leaving) {
		t.Errorf("the second page %v lacks the member, who leaves only after it", second.uins())
	}
	// The members after it moved up one place, so one of them is on no page.
	if want := []int64{fillerUin(9)}; !slices.Equal(third.uins(), want) {
		t.Errorf("the third page lists %v, want %v", third.uins(), want)
	}
	if _, code := emailBind(t, endpoints.Organization, adminCred, leaving); code != "ResourceNotFound.OrganizationMemberNotExist" {
		t.Errorf("email bind of the member who left: code %q, want ResourceNotFound.OrganizationMemberNotExist", code)
	}
	if again := mustList(t, endpoints.Organization, adminCred, map[string]any{"Limit": 50}); again.Total != "11" || slices.Contains(again.uins(), leaving) {
		t.Errorf("a later listing has %s members %v", again.Total, again.uins())
	}
}

func TestAMemberJoinsAfterTheKthPageOnce(t *testing.T) {
	const joiner = 100099000001
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[{"kind": "member_joins", "after_page": 1,
	  "member": {"member_uin": 100099000001, "listing": {"Name": "newcomer"}, "email_bind": {"BindStatus": "Valid"}}}]`))

	if _, code := emailBind(t, endpoints.Organization, joinerCred, joiner); code != "ResourceNotFound.OrganizationNotExist" {
		t.Errorf("before joining, the joiner's own call: code %q, want ResourceNotFound.OrganizationNotExist", code)
	}
	first := mustList(t, endpoints.Organization, adminCred, map[string]any{"Limit": 5})
	second := mustList(t, endpoints.Organization, adminCred, map[string]any{"Offset": 5, "Limit": 5})
	third := mustList(t, endpoints.Organization, adminCred, map[string]any{"Offset": 10, "Limit": 5})
	if first.Total != "12" || second.Total != "13" || third.Total != "13" {
		t.Errorf("Totals %s, %s, %s; want 12, 13, 13", first.Total, second.Total, third.Total)
	}
	if len(third.Items) != 3 {
		t.Fatalf("the third page lists %v, want the last two members and the newcomer", third.uins())
	}
	assertSameJSON(t, third.Items[2], `{"MemberUin": 100099000001, "Name": "newcomer", "BindStatus": "Valid"}`)

	resp, code := emailBind(t, endpoints.Organization, adminCred, joiner)
	if code != "" || resp["BindStatus"] != "Valid" {
		t.Errorf("email bind of the newcomer: %v %q", resp, code)
	}
	if _, code := emailBind(t, endpoints.Organization, joinerCred, joiner); code != "" {
		t.Errorf("the newcomer, now a member, reading its own binding: code %q", code)
	}
}

func TestMembershipChangesStayInTheServerThatMadeThem(t *testing.T) {
	world, err := emulator.ParseWorld([]byte(membersWorld(`[{"kind": "member_leaves", "member_uin": 100033118139, "after_page": 1},
	  {"kind": "member_joins", "after_page": 1, "member": {"member_uin": 100099000001}}]`)))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		_, endpoints := acctest.ServeWorld(t, world)
		mustList(t, endpoints.Organization, adminCred, map[string]any{})
		if p := mustList(t, endpoints.Organization, adminCred, map[string]any{"Limit": 50}); p.Total != "12" || p.uins()[0] != uinStaging || p.uins()[11] != 100099000001 {
			t.Errorf("after the changes: %s members %v", p.Total, p.uins())
		}
	}
	if len(world.Organizations[0].Members) != 12 || world.Organizations[0].Members[0].MemberUin != uinProd {
		t.Errorf("the server changed the World it was given")
	}
}

// Paging while members leave and join must be race-free; run with -race.
func TestPagingWhileMembersMoveIsSafe(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(`[
	  {"kind": "member_leaves", "member_uin": 100033118139, "after_page": 3},
	  {"kind": "member_leaves", "member_uin": 100033118205, "after_page": 7},
	  {"kind": "member_joins", "after_page": 5, "member": {"member_uin": 100099000001}}]`))
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for offset := 0; offset < 15; offset += 5 {
				if _, apiErr := listMembers(t, endpoints.Organization, adminCred, map[string]any{"Offset": offset, "Limit": 5}); apiErr != nil {
					t.Error(apiErr)
				}
				_, _ = emailBind(t, endpoints.Organization, adminCred, uinProd)
			}
		})
	}
	wg.Wait()
	if p := mustList(t, endpoints.Organization, adminCred, map[string]any{"Limit": 50}); p.Total != "11" {
		t.Errorf("after 12 pages, two left and one joined, but Total is %s", p.Total)
	}
}
