// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// callBindStatus sends the test action, unsigned when skipSign is set.
func callBindStatus(client *tencentapi.Client, skipSign bool) error {
	memberUin := int64(1)
	request := &testRequest{BaseRequest: &tchttp.BaseRequest{}, MemberUin: &memberUin}
	request.Init().WithApiInfo("organization", "2021-03-31", "DescribeOrganizationMemberEmailBind")
	request.SetSkipSign(skipSign)
	return client.Call(context.Background(), request, &testResponse{BaseResponse: &tchttp.BaseResponse{}})
}

// headerServer records the headers of every request it answers with okBody.
func headerServer(t *testing.T) (*url.URL, *atomic.Pointer[http.Header], *atomic.Int32) {
	t.Helper()
	var headers atomic.Pointer[http.Header]
	var count atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		count.Add(1)
		h := r.Header.Clone()
		headers.Store(&h)
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	return u, &headers, &count
}

func assertCredentialError(t *testing.T, err error) {
	t.Helper()
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeCredentialError {
		t.Fatalf("err = %v, want a %s", err, tencentapi.CodeCredentialError)
	}
}

func TestAnUnsignedCallCarriesAuthorizationSkipTheRegionAndNoToken(t *testing.T) {
	endpoint, headers, _ := headerServer(t)
	client := tencentapi.NewClient("sts", tencentapi.Config{Endpoint: endpoint, Region: "ap-shanghai"})
	if err := callBindStatus(client, true); err != nil {
		t.Fatal(err)
	}
	h := *headers.Load()
	if got := h.Get("Authorization"); got != "SKIP" {
		t.Errorf("Authorization = %q, want SKIP", got)
	}
	if got := h.Get("X-TC-Region"); got != "ap-shanghai" {
		t.Errorf("X-TC-Region = %q, want ap-shanghai", got)
	}
	if _, ok := h["X-Tc-Token"]; ok {
		t.Errorf("an unsigned call sent X-TC-Token")
	}
}

func TestAnUnsignedCallOnAClientWithACredentialIsRefusedBeforeSending(t *testing.T) {
	endpoint, _, count := headerServer(t)
	client := tencentapi.NewClient("sts", tencentapi.Config{
		Credential: common.NewTokenCredential("AKIDtmp", "secret-key", "session-token"), Endpoint: endpoint,
	})
	err := callBindStatus(client, true)
	assertCredentialError(t, err)
	if count.Load() != 0 {
		t.Errorf("%d requests reached the server", count.Load())
	}
}

func TestASignedCallOnAClientWithoutACredentialIsRefusedNotAPanic(t *testing.T) {
	endpoint, _, count := headerServer(t)
	client := tencentapi.NewClient("organization", tencentapi.Config{Endpoint: endpoint})
	err := callBindStatus(client, false)
	assertCredentialError(t, err)
	if count.Load() != 0 {
		t.Errorf("%d requests reached the server", count.Load())
	}
}
