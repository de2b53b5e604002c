// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// metadataPath is where the CVM instance metadata service serves role credentials.
const metadataPath = "/latest/meta-data/cam/security-credentials/"

// AssumeRoleCall is what an STS AssumeRole request asked for, as sent.
type AssumeRoleCall struct {
	CallerSecretID  string
	RoleArn         string
	RoleSessionName string
	DurationSeconds int64
	Policy          string
	ExternalID      string
}

// AssumeRoleCalls returns every AssumeRole request that reached the action, oldest first.
func (s *Server) AssumeRoleCalls() []AssumeRoleCall {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]AssumeRoleCall(nil), s.assumeRoleCalls...)
}

func (s *Server) assumeRole(caller Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	call := AssumeRoleCall{CallerSecretID: caller.SecretID, DurationSeconds: 7200}
	for name, raw := range params {
		var err error
		switch name {
		case "RoleArn":
			err = json.Unmarshal([]byte(raw), &call.RoleArn)
		case "RoleSessionName":
			err = json.Unmarshal([]byte(raw), &call.RoleSessionName)
		case "Policy":
			err = json.Unmarshal([]byte(raw), &call.Policy)
		case "ExternalId":
			err = json.Unmarshal([]byte(raw), &call.ExternalID)
		case "DurationSeconds":
			call.DurationSeconds, err = strconv.ParseInt(raw, 10, 64)
			if err == nil && (call.DurationSeconds < 0 || call.DurationSeconds > 43200) {
				return nil, errorf("InvalidParameter.ParamError", "DurationSeconds must be between 0 and 43200, got %d.", call.DurationSeconds)
			}
		default:
			return nil, errorf("UnknownParameter", "The parameter `%s` is not recognized.", name)
		}
		if err != nil {
			return nil, errorf("InvalidParameter.ParamError", "The parameter `%s` has the wrong type.", name)
		}
	}
	if call.DurationSeconds == 0 {
		call.DurationSeconds = 7200
	}
	for name, value := range map[string]string{"RoleArn": call.RoleArn, "RoleSessionName": call.RoleSessionName} {
		if value == "" {
			return nil, errorf("MissingParameter", "The request is missing the required parameter `%s`.", name)
		}
	}
	s.mu.Lock()
	s.assumeRoleCalls = append(s.assumeRoleCalls, call)
	s.mu.Unlock()

	var role *Role
	for i := range s.world.Roles {
		if s.world.Roles[i].RoleArn == call.RoleArn {
			role = &s.world.Roles[i]
		}
	}
	if role == nil {
		return nil, errorf("ResourceNotFound.RoleNotExist", "The role %s does not exist.", call.RoleArn)
	}
	if role.ExternalID != "" && role.ExternalID != call.ExternalID {
		return nil, errorf("UnauthorizedOperation", "The role's trust policy requires a matching ExternalId.")
	}

	issued := s.issue(role.Uin, time.Duration(call.DurationSeconds)*time.Second)
	credentials, _ := json.Marshal(map[string]string{
		"TmpSecretId": issued.SecretID, "TmpSecretKey": issued.SecretKey, "Token": issued.Token,
	})
	expiredTime, _ := json.Marshal(issued.Expires.Unix())
	expiration, _ := json.Marshal(issued.Expires.UTC().Format(time.RFC3339))
	return map[string]json.RawMessage{"Credentials": credentials, "ExpiredTime": expiredTime, "Expiration": expiration}, nil
}

// serveMetadata answers the CVM instance metadata paths: the role list,
// and a role's temporary credential.
func (s *Server) serveMetadata(w http.ResponseWriter, r *http.Request) {
	roleName := strings.TrimPrefix(r.URL.Path, metadataPath)
	if roleName == "" {
		names := make([]string, len(s.world.CVMRoles))
		for i, role := range s.world.CVMRoles {
			names[i] = role.RoleName
		}
		_, _ = w.Write([]byte(strings.Join(names, "\n")))
		return
	}
	for _, role := range s.world.CVMRoles {
		if role.RoleName != roleName {
			continue
		}
		issued := s.issue(role.Uin, 2*time.Hour)
		s.record(Request{Action: "metadata:" + roleName, SecretID: issued.SecretID, Time: s.Now()})
		writeJSON(w, map[string]any{
			"TmpSecretId": issued.SecretID, "TmpSecretKey": issued.SecretKey, "Token": issued.Token,
			"ExpiredTime": issued.Expires.Unix(), "Expiration": issued.Expires.UTC().Format(time.RFC3339),
			"Code": "Success",
		})
		return
	}
	http.NotFound(w, r)
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
func (s *Server) issue(uin int64, lifetime time.Duration) Credential {
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
	s.mu.Unlock()
	return cred
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
