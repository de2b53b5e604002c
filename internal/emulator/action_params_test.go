// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"net/url"
	"testing"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// sessionPolicy is a valid URL-encoded session policy.
var sessionPolicy = url.QueryEscape(`{"version":"2.0","statement":[{"effect":"allow","action":"cos:GetObject","resource":"*"}]}`)

// validRequests are, for each action with a table, a request of
// identityWorld that succeeds and sends every parameter the world lets it.
var validRequests = map[string]map[string]any{
	"DescribeOrganizationMemberEmailBind": {"MemberUin": int64(100033118139)},
	"DescribeOrganizationMembers": {
		"Offset": 10, "Limit": 10, "Lang": "en", "SearchKey": "", "AuthName": "",
		"Tags": []any{map[string]any{"TagKey": "env", "TagValue": "prod"}},
	},
	"AssumeRole": {
		"RoleArn": auditorRole, "RoleSessionName": "audit-run", "DurationSeconds": 3600, "Policy": sessionPolicy,
		"ExternalId": "ext-123", "SourceIdentity": "100000000001", "SerialNumber": "", "TokenCode": "",
		"Tags": []any{map[string]any{"Key": "team", "Value": "core"}},
	},
	"AssumeRoleWithWebIdentity": webIdentity(map[string]any{"DurationSeconds": 3600}),
	"AssumeRoleWithSAML":        saml(map[string]any{"DurationSeconds": 3600}),
	"GetSessionToken":           {"SerialNumber": adminMFA, "TokenCode": "111111", "DurationSeconds": 3600},
	"GetCallerIdentity":         {},
}

// sendAction sends action as its clients do: Organization's signed without
// a region, STS's in a region, the identity exchanges unsigned.
func sendAction(t *testing.T, endpoints acctest.Endpoints, action string, params map[string]any) (map[string]any, *tcerr.TencentCloudSDKError) {
	t.Helper()
	switch action {
	case "DescribeOrganizationMemberEmailBind", "DescribeOrganizationMembers":
		return call(t, endpoints.Organization, adminCred, "2021-03-31", action, params)
	case "AssumeRoleWithWebIdentity", "AssumeRoleWithSAML":
		return callUnsigned(t, endpoints.STS, nil, action, params)
	}
	return callService(t, endpoints.STS, adminCred, emulator.ServiceSTS, "ap-guangzhou", "2018-08-13", action, params)
}

func TestAValidRequestOfEveryActionPassesItsTable(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, unlimited(identityWorld))
	for _, action := range emulator.ParamActions() {
		valid, ok := validRequests[action]
		if !ok {
			t.Errorf("%s has a table but no valid request to walk it from", action)
			continue
		}
		if _, apiErr := sendAction(t, endpoints, action, valid); apiErr != nil {
			t.Errorf("%s refused a valid request: %v", action, apiErr)
		}
	}
}

func TestEveryConstrainedParameterRefusesAWrongValueWithADeclaredCode(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, unlimited(identityWorld))
	walked := 0
	for _, action := range emulator.ParamActions() {
		for _, wrong := range emulator.WrongValues(action, validRequests[action]) {
			walked++
			t.Run(action+"/"+wrong.Name, func(t *testing.T) {
				_, apiErr := sendAction(t, endpoints, action, wrong.Params)
				switch {
				case apiErr == nil:
					t.Fatalf("%v was accepted; the table says %s", wrong.Params, wrong.Code)
				case apiErr.Code != wrong.Code:
					t.Errorf("got %s (%s), the table says %s", apiErr.Code, apiErr.Message, wrong.Code)
				case !emulator.Declares(action, apiErr.Code):
					t.Errorf("%s does not declare %s", action, apiErr.Code)
				}
			})
		}
	}
	if walked < 60 {
		t.Errorf("the walk sent only %d wrong values", walked)
	}
	for _, r := range srv.Requests() {
		if r.ErrorCode == "" && r.Action != "" {
			t.Errorf("%s %v succeeded during the walk", r.Action, r.Params)
		}
	}
}
