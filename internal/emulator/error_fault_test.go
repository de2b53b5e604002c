// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

func worldWithFaults(faults string) string {
	return strings.Replace(testWorld, `"credentials"`, `"faults": `+faults+`, "credentials"`, 1)
}

func TestAnErrorFaultNeedsAnActionThatDeclaresItsCode(t *testing.T) {
	for name, fault := range map[string]string{
		"no action":                             `{"kind": "error", "code": "InternalError"}`,
		"no code":                               `{"kind": "error", "action": "DescribeOrganizationMembers"}`,
		"an action the emulator does not serve": `{"kind": "error", "action": "DescribeOrganization", "code": "InternalError"}`,
		"another action's code":                 `{"kind": "error", "action": "DescribeOrganizationMembers", "code": "ResourceNotFound.UserNotExist"}`,
		"another service's code":                `{"kind": "error", "action": "AssumeRole", "code": "ResourceNotFound.OrganizationNotExist"}`,
		"a code no action declares":             `{"kind": "error", "action": "GetCallerIdentity", "code": "InternalError.Exploded"}`,
		"a member on the listing":               `{"kind": "error", "action": "DescribeOrganizationMembers", "code": "InternalError", "member_uin": 100033118139}`,
		"a delay":                               `{"kind": "error", "action": "AssumeRole", "code": "InternalError", "delay": "1s"}`,
		"a code on another kind":                `{"kind": "internal_error", "code": "InternalError"}`,
	} {
		if _, err := emulator.ParseWorld([]byte(worldWithFaults("[" + fault + "]"))); err == nil {
			t.Errorf("%s: ParseWorld accepted %s", name, fault)
		}
	}
}

func TestAnErrorFaultAcceptsEveryDeclaredAndEveryCommonCode(t *testing.T) {
	for _, action := range []string{
		"DescribeOrganizationMemberEmailBind", "DescribeOrganizationMembers", "AssumeRole", "AssumeRoleWithWebIdentity",
		"AssumeRoleWithSAML", "GetSessionToken", "GetCallerIdentity",
	} {
		codes := append(emulator.DeclaredCodes(action), "UnsupportedRegion", "RequestLimitExceeded.IPLimitExceeded")
		if len(codes) < 5 {
			t.Errorf("%s declares %d codes", action, len(codes)-2)
		}
		for _, code := range codes {
			fault := `[{"kind": "error", "action": "` + action + `", "code": "` + code + `"}]`
			if _, err := emulator.ParseWorld([]byte(worldWithFaults(fault))); err != nil {
				t.Errorf("%s %s: %v", action, code, err)
			}
		}
	}
}

func TestAnErrorFaultAnswersItsCodeForItsMemberCountTimes(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, worldWithFaults(`[{"kind": "error", "action": "DescribeOrganizationMemberEmailBind",
    "code": "ResourceNotFound.UserNotExist", "member_uin": 100033118139, "count": 2}]`))
	for i := range 2 {
		_, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118139)})
		if apiErr == nil || apiErr.Code != "ResourceNotFound.UserNotExist" {
			t.Fatalf("request %d: %v, want ResourceNotFound.UserNotExist", i+1, apiErr)
		}
		if apiErr.RequestId == "" || !strings.Contains(apiErr.Message, "does not exist") {
			t.Errorf("request %d: RequestId %q, message %q; want a RequestId and a message of the code's family", i+1, apiErr.RequestId, apiErr.Message)
		}
	}
	if _, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118140)}); apiErr != nil {
		t.Errorf("another member: %v, want its binding", apiErr)
	}
	if _, apiErr := describe(t, endpoints.Organization, adminCred, map[string]any{"MemberUin": int64(100033118139)}); apiErr != nil {
		t.Errorf("the third request: %v, want the binding once the fault is spent", apiErr)
	}
	var codes []string
	for _, r := range srv.Requests() {
		codes = append(codes, r.ErrorCode)
	}
	if strings.Join(codes, ",") != "ResourceNotFound.UserNotExist,ResourceNotFound.UserNotExist,," {
		t.Errorf("the emulator recorded codes %q", codes)
	}
}

func TestAnErrorFaultAnswersAnSTSAction(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, worldWithFaults(`[{"kind": "error", "action": "AssumeRole", "code": "InvalidParameter.OverLimit"}]`))
	_, apiErr := assumeRole(t, endpoints.STS, adminCred, map[string]any{"RoleArn": "qcs::cam::uin/1:roleName/r", "RoleSessionName": "s1"})
	if apiErr == nil || apiErr.Code != "InvalidParameter.OverLimit" || apiErr.RequestId == "" {
		t.Errorf("AssumeRole: %v, want InvalidParameter.OverLimit with a RequestId", apiErr)
	}
}
