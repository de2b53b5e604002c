// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/base64"
	"encoding/json"
	"slices"
	"time"
)

// assumeRoleWithSAML exchanges a SAML assertion of the world for a
// temporary credential of a role that trusts it. Callers send it unsigned.
// The SDK declares no code for a bad assertion, so every way one is wrong
// answers InvalidParameter.ParamError, with a message that says which and
// never repeats the assertion.
func (s *Server) assumeRoleWithSAML(_ Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	var assertion, principalArn, roleArn, sessionName string
	var duration uint64
	// checkParams has checked each parameter against samlParams.
	readParams(params, map[string]any{
		"SAMLAssertion": &assertion, "PrincipalArn": &principalArn, "RoleArn": &roleArn,
		"RoleSessionName": &sessionName, "DurationSeconds": &duration,
	})
	seconds := orDefault(int64(duration), defaultSessionSeconds)
	role := s.findRole(roleArn)
	if role == nil {
		return nil, errorf("ResourceNotFound.RoleNotFound", "The role %s does not exist.", roleArn)
	}
	if apiErr := s.checkSAMLAssertion(assertion, principalArn, roleArn); apiErr != nil {
		return nil, apiErr
	}
	issued := s.issue(role.Uin, time.Duration(seconds)*time.Second, rolePrincipal(role, sessionName, role.Uin))
	return credentialResponse(issued), nil
}

// checkSAMLAssertion says whether the identity provider principalArn
// issued assertion, it is still valid, and roleArn trusts it.
func (s *Server) checkSAMLAssertion(assertion, principalArn, roleArn string) *apiError {
	const code = "InvalidParameter.ParamError"
	if _, err := base64.StdEncoding.DecodeString(assertion); err != nil {
		return errorf(code, "SAMLAssertion is not base64 text.")
	}
	i := slices.IndexFunc(s.world.SAMLAssertions, func(a SAMLAssertion) bool { return a.Assertion == assertion })
	if i < 0 {
		return errorf(code, "The SAML assertion is unknown: no identity provider issued it.")
	}
	known := s.world.SAMLAssertions[i]
	if known.PrincipalArn != principalArn {
		return errorf(code, "The SAML assertion was not issued by identity provider %s.", principalArn)
	}
	if expired(known.ExpiresAt, s.Now()) {
		return errorf(code, "The SAML assertion expired at %s.", known.ExpiresAt)
	}
	if !slices.Contains(known.RoleArns, roleArn) {
		return errorf(code, "The SAML assertion is untrusted by role %s, whose trust policy does not name it.", roleArn)
	}
	return nil
}
