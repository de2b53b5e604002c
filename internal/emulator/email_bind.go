// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
)

// codeNotAuthorized answers a member that asks for what only the
// organization's admin, or a trusted service's delegated admin, may read.
// Neither Organization action declares a code of its own for it, so it is
// the common code for an operation the caller is not authorized for.
const codeNotAuthorized = "UnauthorizedOperation"

func (s *Server) describeOrganizationMemberEmailBind(cred Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	// checkParams has checked MemberUin against emailBindParams.
	var memberUin int64
	_ = json.Unmarshal([]byte(params["MemberUin"]), &memberUin)

	s.mu.Lock()
	defer s.mu.Unlock()
	org := s.orgOfUin[cred.Uin]
	if org == nil {
		return nil, errorf("ResourceNotFound.OrganizationNotExist", "The organization does not exist.")
	}
	if cred.Uin != org.AdminUin && cred.Uin != memberUin && !org.delegatedAdminOfAny(cred.Uin) {
		return nil, errorf(codeNotAuthorized, "Account %d may read only its own email binding: "+
			"only the organization's management account and a trusted service's delegated administrator read other members'.", cred.Uin)
	}
	for _, m := range org.Members {
		if m.MemberUin == memberUin {
			return recordFields(m.EmailBind), nil
		}
	}
	return nil, errorf("ResourceNotFound.OrganizationMemberNotExist", "The organization member does not exist.")
}
