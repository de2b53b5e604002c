// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

const hardTokenMFA = "qcs::cam:uin/100000000001::mfa/hardToken"

// hardTokenWorld is stsWorld with a hardware MFA device of the admin's
// account, whose codes are right but of a type STS does not support.
var hardTokenWorld = unlimited(strings.Replace(stsWorld, `"mfa_devices": [`, `"mfa_devices": [
    {"serial_number": "`+hardTokenMFA+`", "uin": 100000000001, "codes": ["666666"]},`, 1))

func TestAHardTokenMFADeviceIsNotSupportedByGetSessionTokenOrAssumeRole(t *testing.T) {
	srv, urls := startServices(t, hardTokenWorld)
	sts := urls[emulator.ServiceSTS]
	device := map[string]any{"SerialNumber": hardTokenMFA, "TokenCode": "666666"}
	_, apiErr := getSessionToken(t, sts, adminCred, device)
	assertSTSError(t, apiErr, "FailedOperation.MFATypeNotSupported", "softToken")
	_, apiErr = assumeRole(t, sts, adminCred, map[string]any{
		"RoleArn": mfaRole, "RoleSessionName": "audit-run", "SerialNumber": hardTokenMFA, "TokenCode": "666666",
	})
	assertSTSError(t, apiErr, "FailedOperation.MFATypeNotSupported", "softToken")
	if n := len(srv.Issued()); n != 0 {
		t.Errorf("%d credentials were issued for a hardware MFA device", n)
	}
}

// assumeRoleCodes are the codes the SDK declares for AssumeRole
// (tencentcloud/sts/v20180813, client.go), and the common codes its
// parameters can get.
var assumeRoleCodes = []string{
	"FailedOperation.CheckMFAError", "FailedOperation.MFATypeNotSupported", "InternalError.DbError",
	"InternalError.EncryptError", "InternalError.GetAppIdError", "InternalError.GetRoleError",
	"InternalError.GetSeedTokenError", "InternalError.IllegalRole", "InternalError.PbSerializeError",
	"InternalError.SystemError", "InternalError.UnknownError", "InvalidParameter.AccountNotAvaliable",
	"InvalidParameter.ExtendStrategyOverSize", "InvalidParameter.GrantOtherResource", "InvalidParameter.OverLimit",
	"InvalidParameter.OverTimeError", "InvalidParameter.ParamError", "InvalidParameter.PolicyTooLong",
	"InvalidParameter.ResouceError", "InvalidParameter.StrategyFormatError", "InvalidParameter.StrategyInvalid",
	"InvalidParameter.TempCodeNotAvaliable", "ResourceNotFound.RoleNotFound", "UnauthorizedOperation",
	"UnsupportedOperation", "MissingParameter", "UnknownParameter",
}

// strictCase is one AssumeRole request with a value STS refuses, and the
// code and words of its refusal.
type strictCase struct {
	name   string
	params map[string]any
	code   string
	says   string
}

func assumeRoleWith(extra map[string]any) map[string]any {
	params := map[string]any{"RoleArn": auditorRole, "RoleSessionName": "audit-run"}
	for name, value := range extra {
		params[name] = value
	}
	return params
}

func testAssumeRoleRefuses(t *testing.T, cases []strictCase) {
	t.Helper()
	srv, urls := startServices(t, unlimited(stsWorld))
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			_, apiErr := assumeRole(t, urls[emulator.ServiceSTS], adminCred, tt.params)
			assertSTSError(t, apiErr, tt.code, tt.says)
			if !slices.Contains(assumeRoleCodes, apiErr.Code) {
				t.Errorf("code %s is not one the SDK declares for AssumeRole, nor a common one", apiErr.Code)
			}
		})
	}
	if n := len(srv.Issued()); n != 0 {
		t.Errorf("%d credentials were issued for refused requests", n)
	}
}

func TestAnExternalIDOrSourceIdentitySTSWouldRefuseIsAParameterError(t *testing.T) {
	testAssumeRoleRefuses(t, []strictCase{
		{"an external ID of one character", assumeRoleWith(map[string]any{"ExternalId": "x"}), "InvalidParameter.ParamError", "ExternalId"},
		{"an external ID with a space", assumeRoleWith(map[string]any{"ExternalId": "a b!"}), "InvalidParameter.ParamError", "ExternalId"},
		{"an external ID over 128 characters", assumeRoleWith(map[string]any{"ExternalId": strings.Repeat("e", 129)}), "InvalidParameter.ParamError", "ExternalId"},
		{"a source identity that is not a UIN", assumeRoleWith(map[string]any{"SourceIdentity": "not-a-uin"}), "InvalidParameter.ParamError", "SourceIdentity"},
		{"a source identity with a leading zero", assumeRoleWith(map[string]any{"SourceIdentity": "0100000000001"}), "InvalidParameter.ParamError", "SourceIdentity"},
	})
}
