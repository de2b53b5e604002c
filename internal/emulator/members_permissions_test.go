// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

func TestOnlyTheAdminAndATrustedServicesDelegatedAdminWithProductListTheOrganization(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	for _, tt := range []struct {
		who    string
		cred   *common.Credential
		params map[string]any
		code   string
	}{
		{"the admin", adminCred, map[string]any{"Limit": 50}, ""},
		{"the admin naming a service", adminCred, map[string]any{"Limit": 50, "Product": "Tag"}, ""},
		{"the delegated admin naming its service", delegateCred, map[string]any{"Limit": 50, "Product": "CloudAudit"}, ""},
		{"the delegated admin without Product", delegateCred, map[string]any{"Limit": 50}, "UnauthorizedOperation"},
		// An empty Product names no service, not a wildcard for any: the
		// stricter reading, since the API does not say.
		{"the delegated admin with an empty Product", delegateCred, map[string]any{"Limit": 50, "Product": ""}, "UnauthorizedOperation"},
		{"the admin with an empty Product", adminCred, map[string]any{"Limit": 50, "Product": ""}, "ResourceNotFound.OrganizationServiceNotExist"},
		{"the delegated admin naming another service", delegateCred, map[string]any{"Limit": 50, "Product": "Tag"}, "UnauthorizedOperation"},
		// Refused as any service it does not administer: the answer must not
		// tell which services the organization trusts.
		{"the delegated admin naming no trusted service", delegateCred, map[string]any{"Product": "CVM"}, "UnauthorizedOperation"},
		{"a member naming no trusted service", memberCred, map[string]any{"Product": "CVM"}, "UnauthorizedOperation"},
		{"the admin naming no trusted service", adminCred, map[string]any{"Product": "CVM"}, "ResourceNotFound.OrganizationServiceNotExist"},
		{"a member", memberCred, map[string]any{"Limit": 50}, "UnauthorizedOperation"},
		{"a member naming a service", memberCred, map[string]any{"Limit": 50, "Product": "CloudAudit"}, "UnauthorizedOperation"},
		{"a caller in no organization", lonerCred, map[string]any{}, "ResourceNotFound.OrganizationNotExist"},
	} {
		p, apiErr := listMembers(t, endpoints.Organization, tt.cred, tt.params)
		switch {
		case tt.code == "" && (apiErr != nil || p.Total != "12"):
			t.Errorf("%s: got %v with Total %s, want the 12 members", tt.who, apiErr, p.Total)
		case tt.code != "" && (apiErr == nil || apiErr.Code != tt.code || apiErr.RequestId == ""):
			t.Errorf("%s: got %v, want %s", tt.who, apiErr, tt.code)
		}
	}
}

func TestAMemberReadsOnlyItsOwnEmailBindingUnlessItIsADelegatedAdmin(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	for _, tt := range []struct {
		who  string
		cred *common.Credential
		uin  int64
		code string
	}{
		{"the admin, another member's", adminCred, uinProd, ""},
		{"a member, its own", memberCred, uinStaging, ""},
		{"a member, another member's", memberCred, uinProd, "UnauthorizedOperation"},
		{"a member, a uin outside the organization", memberCred, 100000000009, "UnauthorizedOperation"},
		{"a delegated admin, another member's", delegateCred, uinProd, ""},
		{"a caller in no organization", lonerCred, uinProd, "ResourceNotFound.OrganizationNotExist"},
	} {
		if _, code := emailBind(t, endpoints.Organization, tt.cred, tt.uin); code != tt.code {
			t.Errorf("%s: code %q, want %q", tt.who, code, tt.code)
		}
	}
}
