// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package sts_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// received is what the test server saw of one request.
type received struct {
	header http.Header
	body   map[string]any
}

// stsServer answers every request with body and hands what it received to the test.
func stsServer(t *testing.T, body string) (*url.URL, <-chan received) {
	t.Helper()
	requests := make(chan received, 10)
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		var decoded map[string]any
		_ = json.Unmarshal(raw, &decoded)
		requests <- received{header: r.Header.Clone(), body: decoded}
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	return u, requests
}

const temporaryBody = `{"Response": {"Credentials": {"TmpSecretId": "AKIDtmp", "TmpSecretKey": "tmp-key", "Token": "tmp-token"},` +
	` "ExpiredTime": 1700003600, "Expiration": "2023-11-14T23:13:20Z", "RequestId": "r1"}}`

func TestWebIdentityIsSentUnsignedWithoutTheClientsTokenAndWithTheDefaultRegion(t *testing.T) {
	endpoint, requests := stsServer(t, temporaryBody)
	client := sts.NewClient(tencentapi.Config{
		Credential: common.NewTokenCredential("AKIDbase", "base-key", "base-token"), Endpoint: endpoint,
	})
	request := sts.NewAssumeRoleWithWebIdentityRequest()
	providerID, token, duration := "OIDC", "oidc-jwt", int64(900)
	request.ProviderId, request.WebIdentityToken, request.DurationSeconds = &providerID, &token, &duration
	out, err := client.AssumeRoleWithWebIdentity(context.Background(), request)
	if err != nil || *out.Credentials.TmpSecretId != "AKIDtmp" || *out.ExpiredTime != 1700003600 {
		t.Fatalf("%v, %+v", err, out)
	}
	got := <-requests
	if got.header.Get("Authorization") != "SKIP" || got.header.Get("X-TC-Token") != "" || got.header.Get("X-TC-Region") != "ap-guangzhou" {
		t.Errorf("headers %v: want Authorization SKIP, no X-TC-Token, X-TC-Region ap-guangzhou", got.header)
	}
	if got.body["WebIdentityToken"] != "oidc-jwt" || got.body["DurationSeconds"] != 900.0 || got.body["ProviderId"] != "OIDC" {
		t.Errorf("body = %v", got.body)
	}
}

func TestSAMLIsSentUnsignedByAClientWithoutACredential(t *testing.T) {
	endpoint, requests := stsServer(t, temporaryBody)
	client := sts.NewClient(tencentapi.Config{Endpoint: endpoint, Region: "ap-singapore"})
	request := sts.NewAssumeRoleWithSAMLRequest()
	assertion := "PHNhbWw+"
	request.SAMLAssertion = &assertion
	if _, err := client.AssumeRoleWithSAML(context.Background(), request); err != nil {
		t.Fatal(err)
	}
	got := <-requests
	if got.header.Get("Authorization") != "SKIP" || got.header.Get("X-TC-Region") != "ap-singapore" || got.body["SAMLAssertion"] != assertion {
		t.Errorf("headers %v, body %v", got.header, got.body)
	}
}

func TestSignedActionsOfAClientWithoutACredentialFailAsCredentialErrors(t *testing.T) {
	endpoint, requests := stsServer(t, temporaryBody)
	client := sts.NewClient(tencentapi.Config{Endpoint: endpoint})
	_, err := client.GetSessionToken(context.Background(), sts.NewGetSessionTokenRequest())
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeCredentialError {
		t.Errorf("err = %v, want %s", err, tencentapi.CodeCredentialError)
	}
	if len(requests) != 0 {
		t.Errorf("%d requests reached STS", len(requests))
	}
}

func TestGetCallerIdentityDecodesTheAccount(t *testing.T) {
	endpoint, requests := stsServer(t, `{"Response": {"Arn": "qcs::cam::uin/100:uin/200", "AccountId": "100",`+
		` "UserId": "200", "PrincipalId": "200", "Type": "CAMUser", "RequestId": "r2"}}`)
	client := sts.NewClient(tencentapi.Config{Credential: common.NewCredential("AKIDbase", "base-key"), Endpoint: endpoint})
	out, err := client.GetCallerIdentity(context.Background())
	if err != nil || *out.AccountId != "100" || *out.UserId != "200" || *out.Type != "CAMUser" {
		t.Fatalf("%v, %+v", err, out)
	}
	if got := <-requests; got.header.Get("Authorization") == "SKIP" || got.header.Get("X-TC-Action") != "GetCallerIdentity" {
		t.Errorf("headers %v: want a signed GetCallerIdentity", got.header)
	}
}
