// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// metadataPath is where the CVM instance metadata service serves role credentials.
const metadataPath = "/latest/meta-data/cam/security-credentials/"

// metadataHandler is the CVM instance metadata service. It serves only the
// role credential paths, as http://metadata.tencentyun.com does, and no API
// action: an API client pointed at it gets the service's 404.
type metadataHandler struct{ s *Server }

func (h metadataHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, metadataPath) {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 Method Not Allowed", http.StatusMethodNotAllowed)
		return
	}
	h.s.serveMetadata(w, r)
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
		asRole := Role{RoleArn: "qcs::cam::uin/" + strconv.FormatInt(role.Uin, 10) + ":roleName/" + role.RoleName, Uin: role.Uin}
		issued := s.issue(role.Uin, 2*time.Hour, rolePrincipal(&asRole, "cvm-instance", role.Uin))
		s.record(Request{Service: ServiceMetadata, Action: "metadata:" + roleName, SecretID: issued.SecretID, Time: s.Now()})
		writeJSON(w, map[string]any{
			"TmpSecretId": issued.SecretID, "TmpSecretKey": issued.SecretKey, "Token": issued.Token,
			"ExpiredTime": issued.Expires.Unix(), "Expiration": issued.Expires.UTC().Format(time.RFC3339),
			"Code": "Success",
		})
		return
	}
	http.NotFound(w, r)
}
