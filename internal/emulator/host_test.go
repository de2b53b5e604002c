// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// The Node.js SDK signs the hostname without the port while sending
// Host: host:port; the Go SDK signs what it sends. Both must verify.
func TestSignatureMatchesEitherHostForm(t *testing.T) {
	body := []byte(`{"MemberUin":1}`)
	const timestamp = int64(1700000000)
	date := credentialDate(timestamp)
	for _, signedHost := range []string{"127.0.0.1:8080", "127.0.0.1"} {
		r := httptest.NewRequest("POST", "http://127.0.0.1:8080/", strings.NewReader(string(body)))
		r.Header.Set("Content-Type", "application/json")
		canonical := canonicalRequest("POST", "", [][2]string{{"content-type", "application/json"}, {"host", signedHost}}, body)
		sig := signature("key", date, "organization", stringToSign(strconv.FormatInt(timestamp, 10), credentialScope(date, "organization"), canonical))
		auth := authorization{SecretID: "id", Date: date, Service: "organization", SignedHeaders: []string{"content-type", "host"}, Signature: sig}
		if !signatureMatches(r, body, auth, timestamp, "key") {
			t.Errorf("a signature over host %q was rejected", signedHost)
		}
		if signatureMatches(r, body, auth, timestamp, "other-key") {
			t.Errorf("a signature over host %q verified with the wrong key", signedHost)
		}
	}
}
