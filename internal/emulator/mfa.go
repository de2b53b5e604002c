// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"slices"
	"strings"
)

// mfaCode is one code of one device, as it is used up.
type mfaCode struct {
	serialNumber, code string
}

// useMFACode accepts code from device serialNumber for a caller of account
// uin, and uses it up: a one-time code that worked once never works again,
// in whichever action it is sent next. Every way it can fail answers the
// same code, as the API does not tell a guesser which part was wrong.
func (s *Server) useMFACode(uin int64, serialNumber, code string) *apiError {
	wrong := errorf("FailedOperation.CheckMFAError", "The MFA code is wrong, already used, or not of a device of this account.")
	// The type is in the serial number, qcs::cam:uin/<uin>::mfa/<type>, so
	// saying it is unsupported tells a guesser nothing.
	if _, kind, ok := strings.Cut(serialNumber, "::mfa/"); ok && kind != "softToken" {
		return errorf("FailedOperation.MFATypeNotSupported", "The MFA device type %q is not supported: only a virtual MFA device (softToken) is.", kind)
	}
	var device *MFADevice
	for i := range s.world.MFADevices {
		if s.world.MFADevices[i].SerialNumber == serialNumber {
			device = &s.world.MFADevices[i]
		}
	}
	if device == nil || device.Uin != uin || !slices.Contains(device.Codes, code) {
		return wrong
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	key := mfaCode{serialNumber, code}
	if s.usedCodes[key] {
		return wrong
	}
	s.usedCodes[key] = true
	return nil
}
