// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"regexp"
	"time"
)

// AssumeRoleCall is what an STS AssumeRole request asked for, as sent.
type AssumeRoleCall struct {
	CallerSecretID  string
	RoleArn         string
	RoleSessionName string
	DurationSeconds int64
	Policy          string
	ExternalID      string
	SourceIdentity  string
	// SerialNumber is the MFA device sent; the code sent with it is not
	// kept, as it is a credential until it is used.
	SerialNumber string
	tokenCode    string
}

// AssumeRoleCalls returns every AssumeRole request that reached the action, oldest first.
func (s *Server) AssumeRoleCalls() []AssumeRoleCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]AssumeRoleCall(nil), s.assumeRoleCalls...)
}

func (s *Server) assumeRole(caller Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	call := AssumeRoleCall{CallerSecretID: caller.SecretID}
	// checkParams has checked each parameter against assumeRoleParams.
	readParams(params, map[string]any{
		"RoleArn": &call.RoleArn, "RoleSessionName": &call.RoleSessionName, "Policy": &call.Policy,
		"ExternalId": &call.ExternalID, "DurationSeconds": &call.DurationSeconds, "SourceIdentity": &call.SourceIdentity,
		"SerialNumber": &call.SerialNumber, "TokenCode": &call.tokenCode, "Tags": new([]json.RawMessage),
	})
	if apiErr := call.check(); apiErr != nil {
		return nil, apiErr
	}
	code := call.tokenCode
	call.tokenCode = ""
	s.mu.Lock()
	s.assumeRoleCalls = append(s.assumeRoleCalls, call)
	s.mu.Unlock()

	role := s.findRole(call.RoleArn)
	if role == nil {
		return nil, errorf("ResourceNotFound.RoleNotFound", "The role %s does not exist.", call.RoleArn)
	}
	if role.ExternalID != "" && role.ExternalID != call.ExternalID {
		return nil, errorf("UnauthorizedOperation", "The role's trust policy requires a matching ExternalId.")
	}
	if role.MFARequired && call.SerialNumber == "" {
		return nil, errorf("UnauthorizedOperation", "The role %s requires MFA: send SerialNumber and TokenCode.", role.RoleArn)
	}
	// Last, so that a code is used up only by a call that then succeeds.
	if call.SerialNumber != "" {
		if apiErr := s.useMFACode(caller.Uin, call.SerialNumber, code); apiErr != nil {
			return nil, apiErr
		}
	}
	issued := s.issue(role.Uin, time.Duration(call.DurationSeconds)*time.Second, rolePrincipal(role, call.RoleSessionName, caller.Uin))
	return credentialResponse(issued), nil
}

// findRole returns the world's role with arn, or nil.
func (s *Server) findRole(arn string) *Role {
	for i := range s.world.Roles {
		if s.world.Roles[i].RoleArn == arn {
			return &s.world.Roles[i]
		}
	}
	return nil
}

// credentialResponse is the answer of every STS action that issues a
// temporary credential.
func credentialResponse(issued Credential) map[string]json.RawMessage {
	credentials, _ := json.Marshal(map[string]string{
		"TmpSecretId": issued.SecretID, "TmpSecretKey": issued.SecretKey, "Token": issued.Token,
	})
	expiredTime, _ := json.Marshal(issued.Expires.Unix())
	expiration, _ := json.Marshal(issued.Expires.UTC().Format(time.RFC3339))
	return map[string]json.RawMessage{"Credentials": credentials, "ExpiredTime": expiredTime, "Expiration": expiration}
}

// sessionNamePattern is RoleSessionName as the AssumeRole page defines it:
// 2 to 128 letters, digits and =,.@_- characters.
var sessionNamePattern = regexp.MustCompile(`^[\w+=,.@-]{2,128}$`)

// externalIDPattern is ExternalId as the AssumeRole page defines it, and
// uinPattern SourceIdentity, the caller's UIN.
var (
	externalIDPattern = regexp.MustCompile(`^[\w+=,.@:/-]{2,128}$`)
	uinPattern        = regexp.MustCompile(`^[1-9][0-9]{0,19}$`)
)

// maxSessionSeconds and defaultSessionSeconds are the longest and the
// default DurationSeconds of the actions that assume a role.
const (
	maxSessionSeconds     = 43200
	defaultSessionSeconds = 7200
)

// check validates what the table of parameters cannot (that the MFA device
// and code come together, and the policy's content), and fills in the
// default duration.
func (c *AssumeRoleCall) check() *apiError {
	c.DurationSeconds = orDefault(c.DurationSeconds, defaultSessionSeconds)
	if (c.SerialNumber == "") != (c.tokenCode == "") {
		return errorf("InvalidParameter.ParamError", "SerialNumber and TokenCode must be sent together, to prove MFA.")
	}
	if c.Policy != "" {
		return checkSessionPolicy(c.Policy)
	}
	return nil
}

// Issued returns the temporary credentials issued so far, for tests that
// must prove these secrets went nowhere they should not.
func (s *Server) Issued() []Credential {
	s.mu.Lock()
	defer s.mu.Unlock()
	var issued []Credential
	for _, c := range s.credentials {
		if !c.Expires.IsZero() {
			issued = append(issued, c)
		}
	}
	return issued
}

// issue creates a temporary credential for account uin that the emulator
// will accept, with its token, until it expires.
func (s *Server) issue(uin int64, lifetime time.Duration, who principal) Credential {
	if override, err := time.ParseDuration(s.world.TemporaryCredentialLifetime); err == nil {
		lifetime = override
	}
	cred := Credential{
		SecretID:  "AKIDtmp" + randomHex(12),
		SecretKey: randomHex(16),
		Token:     randomHex(24),
		Uin:       uin,
		Expires:   s.Now().Add(lifetime),
	}
	s.mu.Lock()
	s.credentials[cred.SecretID] = cred
	s.principals[cred.SecretID] = who
	s.mu.Unlock()
	return cred
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
