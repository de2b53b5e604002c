// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"strconv"
	"testing"
)

// The vectors are Tencent Cloud's published examples (../shared/spec/tc3-signature.md).
const (
	vectorSecretKey = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE"
	vectorHost      = "cvm.tencentcloudapi.com"
)

func TestSignatureVectorPOST(t *testing.T) {
	payload := `{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`
	if got, want := sha256Hex([]byte(payload)), "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064"; got != want {
		t.Fatalf("payload hash = %s, want %s", got, want)
	}
	canonical := canonicalRequest("POST", "", [][2]string{
		{"content-type", "application/json; charset=utf-8"},
		{"host", vectorHost},
	}, []byte(payload))
	assertVector(t, canonical, 1551113065,
		"5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
		"2019-02-25/cvm/tc3_request",
		"72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168")
}

func TestSignatureVectorGET(t *testing.T) {
	canonical := canonicalRequest("GET", "Limit=10&Offset=0", [][2]string{
		{"content-type", "application/x-www-form-urlencoded"},
		{"host", vectorHost},
	}, nil)
	assertVector(t, canonical, 1539084154,
		"91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7",
		"2018-10-09/cvm/tc3_request",
		"5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474")
}

func assertVector(t *testing.T, canonical string, timestamp int64, canonicalHash, scope, sig string) {
	t.Helper()
	if got := sha256Hex([]byte(canonical)); got != canonicalHash {
		t.Errorf("canonical request hash = %s, want %s\ncanonical request:\n%s", got, canonicalHash, canonical)
	}
	date := credentialDate(timestamp)
	if got := credentialScope(date, "cvm"); got != scope {
		t.Errorf("credential scope = %s, want %s", got, scope)
	}
	toSign := stringToSign(strconv.FormatInt(timestamp, 10), scope, canonical)
	if got := signature(vectorSecretKey, date, "cvm", toSign); got != sig {
		t.Errorf("signature = %s, want %s", got, sig)
	}
}

func TestCredentialDateIsUTC(t *testing.T) {
	// 1551113065 is 2019-02-26 in UTC+8, where Tencent Cloud's docs were written.
	if got := credentialDate(1551113065); got != "2019-02-25" {
		t.Fatalf("credentialDate = %s, want 2019-02-25", got)
	}
}

func TestParseAuthorization(t *testing.T) {
	auth, err := parseAuthorization("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=abc")
	if err != nil {
		t.Fatal(err)
	}
	if auth.SecretID != "AKIDEXAMPLE" || auth.Date != "2019-02-25" || auth.Service != "cvm" ||
		len(auth.SignedHeaders) != 2 || auth.Signature != "abc" {
		t.Fatalf("parsed %+v", auth)
	}
	for _, bad := range []string{
		"",
		"HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=host, Signature=abc",
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm, SignedHeaders=host, Signature=abc",
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, Signature=abc",
		"TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=host",
		"TC3-HMAC-SHA256 garbage",
	} {
		if _, err := parseAuthorization(bad); err == nil {
			t.Errorf("parseAuthorization(%q) succeeded, want an error", bad)
		}
	}
}
