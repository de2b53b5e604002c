// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
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
