// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"context"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
)

func webIdentity(f *fakeSTS, tokenFile string) *credentials.WebIdentity {
	return &credentials.WebIdentity{
		STS: f.client(nil), RoleArn: "qcs::cam::uin/1:roleName/ci", SessionName: "ci", TokenFile: tokenFile,
		Description: "assume_role_with_web_identity",
	}
}

func TestARewrittenTokenFileIsReadAgainForTheNextExchange(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	path := filepath.Join(t.TempDir(), "token")
	acctest.WriteFile(t, path, "first-jwt\n")
	source := webIdentity(f, path)
	if _, err := source.Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	acctest.WriteFile(t, path, `{"web_identity_token": "second-jwt"}`)
	value, err := source.Retrieve(context.Background())
	if err != nil || value.SecretKey != tmpSecretKey || value.Expires.IsZero() {
		t.Fatalf("%v, %+v", err, value)
	}
	calls := f.Calls()
	if len(calls) != 2 || calls[0].Body["WebIdentityToken"] != "first-jwt" || calls[1].Body["WebIdentityToken"] != "second-jwt" {
		t.Fatalf("calls = %+v, want the raw token and then the JSON file's", calls)
	}
	want := map[string]any{"ProviderId": "OIDC", "RoleArn": "qcs::cam::uin/1:roleName/ci", "RoleSessionName": "ci", "DurationSeconds": 7200.0}
	for key, value := range want {
		if calls[1].Body[key] != value {
			t.Errorf("%s = %v, want %v", key, calls[1].Body[key], value)
		}
	}
}

func TestAWebIdentityExchangeIsUnsignedAndCarriesNoToken(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	source := webIdentity(f, "")
	source.Token = "given-jwt"
	if _, err := source.Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	h := f.Calls()[0].Header
	if h.Get("Authorization") != "SKIP" || h.Get("X-TC-Token") != "" || h.Get("X-TC-Region") == "" {
		t.Errorf("headers %v: want Authorization SKIP, a region and no X-TC-Token", h)
	}
}

func TestTheGivenTokenWinsOverTheTokenFile(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	source := webIdentity(f, filepath.Join(t.TempDir(), "absent"))
	source.Token = "given-jwt"
	if _, err := source.Retrieve(context.Background()); err != nil || f.Calls()[0].Body["WebIdentityToken"] != "given-jwt" {
		t.Fatalf("%v, calls %+v", err, f.Calls())
	}
}

func TestABadTokenFileFailsNamingThePathButNotTheContent(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]struct{ content, want string }{
		"missing":      {"", "no such file"},
		"empty":        {" \n", "is empty"},
		"missing key":  {`{"token": "secret-jwt-content"}`, "without a non-empty string web_identity_token"},
		"not a string": {`{"web_identity_token": ["secret-jwt-content"]}`, "without a non-empty string web_identity_token"},
		"broken json":  {`{"web_identity_token": "secret-jwt-content"`, "not valid JSON"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFakeSTS(t, time.Hour)
			path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
			if name != "missing" {
				acctest.WriteFile(t, path, c.content)
			}
			_, err := webIdentity(f, path).Retrieve(context.Background())
			if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to name %s and say %q", err, path, c.want)
			}
			if strings.Contains(err.Error(), "secret-jwt-content") {
				t.Errorf("err %q quotes the file", err)
			}
			if len(f.Calls()) != 0 {
				t.Errorf("STS was called %d times", len(f.Calls()))
			}
		})
	}
}

func TestNoWebIdentityTokenAtAllIsAnError(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	if _, err := webIdentity(f, "").Retrieve(context.Background()); err == nil || len(f.Calls()) != 0 {
		t.Errorf("err = %v after %d calls, want an error without a call", err, len(f.Calls()))
	}
}

func TestSAMLIsExchangedUnsigned(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	source := &credentials.SAML{
		STS: f.client(nil), RoleArn: "qcs::cam::uin/1:roleName/r", SessionName: "s",
		Assertion: "PHNhbWw+c2VjcmV0PC9zYW1sPg==", PrincipalArn: "qcs::cam::uin/1:saml-provider/idp",
	}
	if _, err := source.Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	call := f.Calls()[0]
	if call.Action != "AssumeRoleWithSAML" || call.Header.Get("Authorization") != "SKIP" || call.Header.Get("X-TC-Token") != "" ||
		call.Body["SAMLAssertion"] != source.Assertion || call.Body["PrincipalArn"] != source.PrincipalArn || call.Body["DurationSeconds"] != 7200.0 {
		t.Errorf("call = %+v", call)
	}
}

// Whatever STS answers, errors name neither the token, the assertion nor
// the temporary keys.
func TestUnsignedExchangeErrorsQuoteNoSecret(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	web := webIdentity(f, "")
	web.Token = "secret-oidc-jwt"
	saml := &credentials.SAML{STS: f.client(nil), RoleArn: "r", Assertion: "secret-saml-assertion", PrincipalArn: "p"}
	incomplete := func(w http.ResponseWriter) {
		_, _ = w.Write([]byte(`{"Response": {"Credentials": {"TmpSecretKey": "` + tmpSecretKey + `", "Token": "` + tmpToken + `"}, "RequestId": "r"}}`))
	}
	for _, reply := range []func(http.ResponseWriter){apiError("InvalidParameter.WebIdentityTokenError"), incomplete} {
		f.replyWith(reply)
		for _, source := range []credentials.Source{web, saml} {
			_, err := source.Retrieve(context.Background())
			if err == nil {
				t.Fatalf("%s succeeded", source.Describe())
			}
			for _, secret := range []string{"secret-oidc-jwt", "secret-saml-assertion", tmpSecretKey, tmpToken} {
				if strings.Contains(err.Error(), secret) || strings.Contains(source.Describe(), secret) {
					t.Errorf("%q quotes a secret", err)
				}
			}
		}
	}
}
