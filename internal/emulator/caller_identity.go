// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"strconv"
	"strings"
)

// principal is who a credential acts as, as GetCallerIdentity reports it.
type principal struct {
	accountUin int64
	arn        string
	userID     string
	// principalUin is the account that owns the key, or that asked for the
	// role's credential.
	principalUin int64
	kind         string
}

// Principal types. CAMUser is the documented example; the API page names no
// other, so AssumedRole, for credentials of a role, follows the ARN's
// assumed-role form and may differ from what the real service answers.
const (
	principalCAMUser     = "CAMUser"
	principalAssumedRole = "AssumedRole"
)

// userPrincipal is the CAM user a key of the world belongs to. The world
// knows accounts, not sub-users, so the user is the account itself.
func userPrincipal(key Credential) principal {
	uin := strconv.FormatInt(key.Uin, 10)
	return principal{
		accountUin:   key.Uin,
		arn:          "qcs::cam::uin/" + uin + ":uin/" + uin,
		userID:       uin,
		principalUin: key.Uin,
		kind:         principalCAMUser,
	}
}

// rolePrincipal is a session of role, asked for by account requester.
func rolePrincipal(role *Role, sessionName string, requester int64) principal {
	uin := strconv.FormatInt(role.Uin, 10)
	name := role.RoleArn[strings.LastIndex(role.RoleArn, "/")+1:]
	return principal{
		accountUin:   role.Uin,
		arn:          "qcs::sts:" + uin + ":assumed-role/" + name + "/" + sessionName,
		userID:       name + ":" + sessionName,
		principalUin: requester,
		kind:         principalAssumedRole,
	}
}

// getCallerIdentity answers who signed the request. It reports identifiers
// only: nothing in it grants access.
func (s *Server) getCallerIdentity(caller Credential, _ map[string]string) (map[string]json.RawMessage, *apiError) {
	s.mu.Lock()
	who, issued := s.principals[caller.SecretID]
	s.mu.Unlock()
	if !issued {
		// A key of the world, permanent or with a token of its own: the
		// world does not say it belongs to a role, so it is its account's user.
		who = userPrincipal(caller)
	}
	fields := map[string]string{
		"AccountId":   strconv.FormatInt(who.accountUin, 10),
		"UserId":      who.userID,
		"Arn":         who.arn,
		"PrincipalId": strconv.FormatInt(who.principalUin, 10),
		"Type":        who.kind,
	}
	response := map[string]json.RawMessage{}
	for name, value := range fields {
		response[name], _ = json.Marshal(value)
	}
	return response, nil
}
