// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// sendSigned posts a DescribeOrganizationMemberEmailBind request with
// contentType, correctly signed over signedHeaders in the order given, and
// returns the error code of the answer ("" for success).
func sendSigned(t *testing.T, baseURL, contentType string, signedHeaders []string) string {
	t.Helper()
	body := []byte(`{"MemberUin": 2}`)
	timestamp := time.Now().Unix()
	req, _ := http.NewRequest(http.MethodPost, baseURL, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-TC-Action", actionEmailBind)
	req.Header.Set("X-TC-Version", "2021-03-31")
	req.Header.Set("X-TC-Timestamp", strconv.FormatInt(timestamp, 10))
	headers := make([][2]string, len(signedHeaders))
	for i, name := range signedHeaders {
		value := req.Header.Get(name)
		if strings.EqualFold(name, "host") {
			value = req.URL.Host
		}
		headers[i] = [2]string{name, value}
	}
	date := credentialDate(timestamp)
	canonical := canonicalRequest(http.MethodPost, "", headers, body)
	sig := signature("key", date, ServiceOrganization, stringToSign(strconv.FormatInt(timestamp, 10), credentialScope(date, ServiceOrganization), canonical))
	req.Header.Set("Authorization", tc3Algorithm+" Credential=AKIDadmin/"+credentialScope(date, ServiceOrganization)+
		", SignedHeaders="+strings.Join(signedHeaders, ";")+", Signature="+sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer struct {
		Response struct{ Error struct{ Code string } }
	}
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil {
		t.Fatal(err)
	}
	return answer.Response.Error.Code
}

func startSignedHeadersWorld(t *testing.T) string {
	t.Helper()
	world, err := ParseWorld([]byte(`{"credentials": [{"secret_id": "AKIDadmin", "secret_key": "key", "uin": 1}],
	  "organizations": [{"admin_uin": 1, "members": [{"member_uin": 2, "email_bind": {"BindStatus": "Success"}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(New(world).Handler(ServiceOrganization))
	t.Cleanup(ts.Close)
	return ts.URL
}

// signedHeadersCase is a SignedHeaders list and the code it must get, none
// for a list the emulator accepts.
type signedHeadersCase struct {
	signed string
	code   string
}

// expectSignedHeadersCodes signs a JSON request with each case's headers
// and checks the code it gets.
func expectSignedHeadersCodes(t *testing.T, cases []signedHeadersCase) {
	t.Helper()
	baseURL := startSignedHeadersWorld(t)
	for _, tt := range cases {
		if code := sendSigned(t, baseURL, "application/json", strings.Split(tt.signed, ";")); code != tt.code {
			t.Errorf("SignedHeaders=%s: code %q, want %q", tt.signed, code, tt.code)
		}
	}
}

func TestSignedHeadersMustBeLowercaseSortedAndEachOnce(t *testing.T) {
	expectSignedHeadersCodes(t, []signedHeadersCase{
		{"content-type;host", ""},
		{"content-type;host;x-tc-action;x-tc-timestamp", ""},
		{"host;content-type", "AuthFailure.InvalidAuthorization"},
		{"content-type;x-tc-action;host", "AuthFailure.InvalidAuthorization"},
		{"content-type;content-type;host", "AuthFailure.InvalidAuthorization"},
		{"content-type;host;host", "AuthFailure.InvalidAuthorization"},
		{"content-type;host;x-TC-action", "AuthFailure.InvalidAuthorization"},
	})
}

func TestAJSONBodyMustBeSentAsApplicationJSONExactly(t *testing.T) {
	baseURL := startSignedHeadersWorld(t)
	for _, tt := range []struct {
		contentType string
		code        string
	}{
		{"application/json", ""},
		{"application/json; charset=utf-8", ""},
		{"application/json;charset=UTF-8", ""},
		{"application/jsonx", "InvalidRequest"},
		{"application/json-patch+json", "InvalidRequest"},
		{"application/json; charset=latin1", "InvalidRequest"},
		{"application/json; boundary=x", "InvalidRequest"},
		{"text/json", "InvalidRequest"},
	} {
		if code := sendSigned(t, baseURL, tt.contentType, []string{"content-type", "host"}); code != tt.code {
			t.Errorf("Content-Type %q: code %q, want %q", tt.contentType, code, tt.code)
		}
	}
}

// A signed header must be one the request carries: signing the empty value
// of a header never sent proves nothing.
func TestSignedHeadersNameOnlyHeadersThatAreSent(t *testing.T) {
	expectSignedHeadersCodes(t, []signedHeadersCase{
		{"content-type;host;x-tc-version", ""},
		{"content-type;host;x-foo", "AuthFailure.InvalidAuthorization"},
		{"content-type;host;x-tc-region", "AuthFailure.InvalidAuthorization"},
	})
}

// A GET request has no body, and the spec's GET vector and the SDKs send
// it as application/x-www-form-urlencoded: nothing else is accepted, as
// only application/json is for POST.
func TestAGETRequestMustBeSentAsFormURLEncodedExactly(t *testing.T) {
	_, urls := rawServer(t, "")
	for _, tt := range []struct {
		contentType string
		code        string
	}{
		{"application/x-www-form-urlencoded", ""},
		{"application/json", "InvalidRequest"},
		{"application/x-www-form-urlencodedx", "InvalidRequest"},
		{"application/x-www-form-urlencoded; charset=utf-8", "InvalidRequest"},
		{"text/plain", "InvalidRequest"},
		// No Content-Type at all is refused sooner: content-type must be
		// signed, and a signed header must be sent.
		{"-", "AuthFailure.InvalidAuthorization"},
	} {
		get := orgReq(actionMembers, "")
		get.method, get.contentType, get.query = http.MethodGet, tt.contentType, "Limit=10"
		if code, msg := sendRaw(t, urls[ServiceOrganization], get); code != tt.code {
			t.Errorf("GET with Content-Type %q: code %q (%s), want %q", tt.contentType, code, msg, tt.code)
		}
	}
}
