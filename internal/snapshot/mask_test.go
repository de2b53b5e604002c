// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"encoding/json"
	"fmt"
	"maps"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// everyField is a member with every listing and binding field, and
// another whose personal fields are empty or left out.
func everyField(t *testing.T) *organization.Inventory {
	t.Helper()
	var full, empty organization.InventoryMember
	decode(t, `{"MemberUin": 100, "Name": "Zhang San", "NickName": "zs", "MemberType": "Invite", "NodeId": 7, "NodeName": "Finance",
	  "Remark": "call 138 0000 1234", "CreateTime": "2022-01-13 12:09:08", "UpdateTime": "2023-01-13 12:09:08",
	  "IsAllowQuit": "Denied", "PayUin": "1", "PayName": "Li Si", "PermissionStatus": "Confirmed", "OrgPolicyType": "Financial",
	  "OrgPolicyName": "Finance management", "BindStatus": "Success", "OrgPermission": [{"Id": 1, "Name": "View bills"}],
	  "OrgIdentity": [{"IdentityId": 2, "IdentityAliasName": "Admin"}], "Tags": [{"TagKey": "env", "TagValue": "prod"}]}`, &full.Listing)
	decode(t, `{"BindId": 9007199254740993, "ApplyTime": "2022-01-13 12:09:08", "Email": "zhang@corp.example", "Phone": "18***32",
	  "BindStatus": "Success", "BindTime": "2022-01-13 18:09:08", "Description": "success", "PhoneBind": 1, "CountryCode": "86",
	  "RequestId": "req-1"}`, &full.EmailBind)
	decode(t, `{"MemberUin": 201, "Name": "", "Tags": []}`, &empty.Listing)
	decode(t, `{"Email": "", "BindStatus": "Unbound"}`, &empty.EmailBind)
	full.MemberUin, empty.MemberUin = 100, 201
	return &organization.Inventory{Members: []organization.InventoryMember{full, empty}}
}

func decode(t *testing.T, data string, into any) {
	t.Helper()
	if err := json.Unmarshal([]byte(data), into); err != nil {
		t.Fatal(err)
	}
}

// recordsOf are a built world's listing and binding fields of member i.
func recordsOf(t *testing.T, keepContacts bool, i int) (listing, bind map[string]any) {
	t.Helper()
	world, err := buildWorld(1, everyField(t), keepContacts)
	if err != nil {
		t.Fatal(err)
	}
	m := world.Organizations[0].Members[i]
	decode(t, string(m.Listing), &listing)
	decode(t, string(m.EmailBind), &bind)
	return listing, bind
}

func TestMaskingReplacesNamesContactsAndRemarksWithValuesOfTheUin(t *testing.T) {
	listing, bind := recordsOf(t, false, 0)
	for name, want := range map[string]string{
		"Name": "member-100", "NickName": "nick-100", "PayName": "payer-1", "Remark": "remark-100",
	} {
		if listing[name] != want {
			t.Errorf("listing %s = %#v, want %q", name, listing[name], want)
		}
	}
	if bind["Email"] != "member-100@example.invalid" || bind["Phone"] != "00***00" {
		t.Errorf("binding Email %#v, Phone %#v: want them masked", bind["Email"], bind["Phone"])
	}
}

func TestMaskingLeavesEverythingElseAsRecorded(t *testing.T) {
	maskedListing, maskedBind := recordsOf(t, false, 0)
	keptListing, keptBind := recordsOf(t, true, 0)
	if keptListing["Name"] != "Zhang San" || keptBind["Email"] != "zhang@corp.example" || keptListing["Remark"] != "call 138 0000 1234" {
		t.Errorf("--keep-contacts changed a contact: %v %v", keptListing, keptBind)
	}
	for _, name := range []string{"Name", "NickName", "PayName", "Remark"} {
		delete(maskedListing, name)
		delete(keptListing, name)
	}
	for _, name := range []string{"Email", "Phone"} {
		delete(maskedBind, name)
		delete(keptBind, name)
	}
	if !maps.EqualFunc(maskedListing, keptListing, jsonEqual) || !maps.EqualFunc(maskedBind, keptBind, jsonEqual) {
		t.Errorf("masking changed more than the personal fields:\n%v\n%v\n%v\n%v", maskedListing, keptListing, maskedBind, keptBind)
	}
	if len(keptListing) != 14 || len(keptBind) != 7 {
		t.Errorf("kept %d listing and %d binding fields besides the personal ones, want 14 and 7 (no MemberUin, no RequestId)",
			len(keptListing), len(keptBind))
	}
}

func TestMaskingKeepsEmptyAndMissingFieldsAsTheyAre(t *testing.T) {
	listing, bind := recordsOf(t, false, 1)
	if tags, ok := listing["Tags"].([]any); len(listing) != 2 || listing["Name"] != "" || !ok || len(tags) != 0 {
		t.Errorf("listing %v, want Name \"\" and Tags [] alone", listing)
	}
	if len(bind) != 2 || bind["Email"] != "" {
		t.Errorf("binding %v, want Email \"\" and BindStatus alone", bind)
	}
}

func TestNodesAreTheUnitsTheMembersAreIn(t *testing.T) {
	world, err := buildWorld(1, everyField(t), false)
	if err != nil {
		t.Fatal(err)
	}
	if nodes := world.Organizations[0].Nodes; len(nodes) != 1 || nodes[0].NodeID != 7 || nodes[0].Name != "Finance" {
		t.Errorf("nodes %+v, want unit 7 Finance alone", nodes)
	}
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

func TestAFailureDescriptionIsMaskedAndSuccessIsKept(t *testing.T) {
	for description, want := range map[string]string{"success": "success", "sent to alice@corp.example": "description-7", "": ""} {
		bind := fields{"Description": json.RawMessage(fmt.Sprintf("%q", description))}
		maskBind(7, bind)
		if got, _ := stringValue(bind["Description"]); got != want {
			t.Errorf("Description %q became %q, want %q", description, got, want)
		}
	}
}
