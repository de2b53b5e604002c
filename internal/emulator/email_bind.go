// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"strconv"
)

// codeNotAuthorized answers a member that asks for what only the
// organization's admin, or a trusted service's delegated admin, may read.
// Neither Organization action declares a code of its own for it, so it is
// the common code for an operation the caller is not authorized for.
const codeNotAuthorized = "UnauthorizedOperation"

func (s *Server) describeOrganizationMemberEmailBind(cred Credential, params map[string]string) (map[string]json.RawMessage, *apiError) {
	for name := range params {
		if name != "MemberUin" {
			return nil, errorf("UnknownParameter", "The parameter `%s` is not recognized.", name)
		}
	}
	raw, ok := params["MemberUin"]
	if !ok || raw == "null" {
		return nil, errorf("MissingParameter", "The request is missing the required parameter `MemberUin`.")
	}
	memberUin, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || memberUin <= 0 {
		return nil, errorf("InvalidParameter", "The parameter `MemberUin` must be a positive integer, got %s.", raw)
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	org := s.orgOfUin[cred.Uin]
	if org == nil {
		return nil, errorf("ResourceNotFound.OrganizationNotExist", "The organization does not exist.")
	}
	if cred.Uin != org.AdminUin && cred.Uin != memberUin && !org.delegatedAdmin(cred.Uin, "") {
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
