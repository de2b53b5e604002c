// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"time"
)

// GetSessionToken's DurationSeconds: the default, and the longest a root
// account's key and a sub-user's key may ask for.
const (
	defaultMFASessionSeconds = 1800
	maxRootMFASessionSeconds = 7200
	maxSubUserSessionSeconds = 129600
)

// getSessionToken certifies the caller's permanent key with an MFA code of
// the caller's account, and issues a temporary credential acting as the
// same user.
func (s *Server) getSessionToken(caller Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	if caller.Token != "" {
		// Certifying a temporary key would let one code stretch a session
		// the code never saw begin.
		return nil, errorf("FailedOperation.TempKeyNotAllowed", "GetSessionToken must be signed with a permanent key, not a temporary credential.")
	}
	var serialNumber, code string
	var duration int64
	// checkParams has checked each parameter against getSessionTokenParams,
	// DurationSeconds against a sub-user's limit; a root account's is lower.
	readParams(params, map[string]any{
		"SerialNumber": &serialNumber, "TokenCode": &code, "DurationSeconds": &duration,
	})
	if !caller.SubUser && duration > maxRootMFASessionSeconds {
		return nil, errorf("InvalidParameter.OverTimeError", "The parameter `DurationSeconds` must be at most %d for a root account's key, got %d.", maxRootMFASessionSeconds, duration)
	}
	duration = orDefault(duration, defaultMFASessionSeconds)
	if apiErr := s.useMFACode(caller.Uin, serialNumber, code); apiErr != nil {
		return nil, apiErr
	}
	issued := s.issue(caller.Uin, time.Duration(duration)*time.Second, userPrincipal(caller))
	return credentialResponse(issued), nil
}
