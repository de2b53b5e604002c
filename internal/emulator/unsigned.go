// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"net/http"
)

// unsignedAuthorization is the Authorization header of a request the SDK
// sends without signing it.
const unsignedAuthorization = "SKIP"

// authenticateCaller answers who sent the request: the credential whose
// signature it carries, or nobody for an unsigned call of an action that
// allows one. It marks rec as unsigned when it was.
func (s *Server) authenticateCaller(r *http.Request, body []byte, service string, rec *Request) (Credential, *apiError) {
	action := actions[rec.Action]
	if r.Header.Get("Authorization") == unsignedAuthorization {
		rec.Unsigned = true
		if !action.unsigned {
			return Credential{}, errorf("AuthFailure.InvalidAuthorization",
				"The action `%s` must be signed; only %s and %s may be sent with Authorization: SKIP.", rec.Action, actionWebIdentity, actionSAML)
		}
		if rec.HasToken {
			// A token beside no signature proves nothing, and means the
			// client leaked a credential into a call that needs none.
			return Credential{}, errorf("AuthFailure.InvalidAuthorization",
				"An unsigned request must not carry X-TC-Token.")
		}
		if _, apiErr := s.checkTimestamp(r); apiErr != nil {
			return Credential{}, apiErr
		}
		return Credential{}, nil
	}
	if action.unsigned {
		// The official provider and the SDK send these unsigned. Whether the
		// real API also takes them signed is not documented; refusing is the
		// stricter reading, and it makes a client that signs them, and so
		// sends a credential where none is needed, fail here.
		return Credential{}, errorf("AuthFailure.InvalidAuthorization",
			"The action `%s` is sent unsigned, with Authorization: SKIP and no credential.", rec.Action)
	}
	return s.authenticate(r, body, service)
}

// budgetUin is the account whose rate limit a request spends. A call that
// needs no key counts against the account of the role it asks for, as that
// is whose service it uses; an unknown role counts under uin 0, which no
// account has.
func (s *Server) budgetUin(caller Credential, rec *Request) int64 {
	if !actions[rec.Action].unsigned {
		return caller.Uin
	}
	var arn string
	if json.Unmarshal([]byte(rec.Params["RoleArn"]), &arn) != nil {
		return 0
	}
	if role := s.findRole(arn); role != nil {
		return role.Uin
	}
	return 0
}
