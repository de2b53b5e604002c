// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"slices"
	"time"
)

// assumeRoleWithWebIdentity exchanges an OIDC token of the world for a
// temporary credential of a role that trusts it. Callers send it unsigned;
// the token is their proof. No message repeats the token, which is a
// credential until it expires.
func (s *Server) assumeRoleWithWebIdentity(_ Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	var providerID, token, roleArn, sessionName string
	var duration int64
	// checkParams has checked each parameter against webIdentityParams.
	readParams(params, map[string]any{
		"ProviderId": &providerID, "WebIdentityToken": &token, "RoleArn": &roleArn,
		"RoleSessionName": &sessionName, "DurationSeconds": &duration,
	})
	duration = orDefault(duration, defaultSessionSeconds)
	// The action declares no ResourceNotFound.RoleNotFound
	// (tencentcloud/sts/v20180813, client.go): its parameter code is
	// InvalidParameter.ParamError.
	role := s.findRole(roleArn)
	if role == nil {
		return nil, errorf("InvalidParameter.ParamError", "RoleArn names no role: %s does not exist.", roleArn)
	}
	if apiErr := s.checkWebIdentityToken(providerID, token, roleArn); apiErr != nil {
		return nil, apiErr
	}
	issued := s.issue(role.Uin, time.Duration(duration)*time.Second, rolePrincipal(role, sessionName, role.Uin))
	return credentialResponse(issued), nil
}

// checkWebIdentityToken says whether provider issued token, it is still
// valid, and roleArn trusts it.
func (s *Server) checkWebIdentityToken(providerID, token, roleArn string) *apiError {
	const code = "InvalidParameter.WebIdentityTokenError"
	i := slices.IndexFunc(s.world.WebIdentityTokens, func(t WebIdentityToken) bool { return t.Token == token })
	if i < 0 {
		return errorf(code, "The web identity token is unknown: no identity provider issued it.")
	}
	known := s.world.WebIdentityTokens[i]
	if known.ProviderID != providerID {
		return errorf(code, "The web identity token is unknown to identity provider %q.", providerID)
	}
	if expired(known.ExpiresAt, s.Now()) {
		return errorf(code, "The web identity token expired at %s.", known.ExpiresAt)
	}
	if !slices.Contains(known.RoleArns, roleArn) {
		return errorf(code, "The web identity token is untrusted by role %s, whose trust policy does not name it.", roleArn)
	}
	return nil
}

// expired reports whether expiresAt, an RFC 3339 time that Validate
// checked or empty for never, is past at now.
func expired(expiresAt string, now time.Time) bool {
	if expiresAt == "" {
		return false
	}
	at, _ := time.Parse(time.RFC3339, expiresAt)
	return !now.Before(at)
}
