// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// writeAssumedRole answers AssumeRole with an hour-long temporary credential.
func writeAssumedRole(w http.ResponseWriter) {
	_, _ = fmt.Fprintf(w, `{"Response": {"Credentials": {"TmpSecretId": "AKIDtmp1", "TmpSecretKey": "tmp-key", "Token": "tmp-token"},`+
		` "ExpiredTime": %d, "RequestId": "sts-ok"}}`, time.Now().Add(time.Hour).Unix())
}

func TestSTSRedirectIsRefusedWithoutSendingTheCall(t *testing.T) {
	var reached atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		reached.Add(1)
		writeAssumedRole(w)
	}))
	defer target.Close()
	source := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/?x=query-secret", http.StatusTemporaryRedirect)
	}))
	defer source.Close()

	_, err := assumeRole(source.URL).Retrieve(context.Background())
	if err == nil {
		t.Fatal("AssumeRole followed the redirect")
	}
	host := strings.TrimPrefix(target.URL, "http://")
	if !strings.Contains(err.Error(), "redirect to the host "+host) || strings.Contains(err.Error(), "query-secret") {
		t.Errorf("error %q must name the host and not the URL's query", err)
	}
	if reached.Load() != 0 {
		t.Errorf("the redirect's target received %d AssumeRole calls", reached.Load())
	}
}

// gatewayErrors answers its first failures requests with a gateway's HTML
// 502 page, then AssumeRole's answer, and counts requests.
func gatewayErrors(t *testing.T, failures int32) (string, *atomic.Int32) {
	t.Helper()
	var count atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if count.Add(1) <= failures {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>"))
			return
		}
		writeAssumedRole(w)
	}))
	t.Cleanup(ts.Close)
	return ts.URL, &count
}

func TestSTSGatewayPagesAreRetriedAsHTTP502(t *testing.T) {
	endpoint, count := gatewayErrors(t, 2)
	value, err := assumeRole(endpoint).Retrieve(context.Background())
	if err != nil || value.SecretID != "AKIDtmp1" || count.Load() != 3 {
		t.Fatalf("after %d requests: %v, %+v; want the credential on the third", count.Load(), err, value)
	}

	// assumeRole allows 3 retries: 4 gateway pages exhaust them.
	endpoint, count = gatewayErrors(t, 4)
	_, err = assumeRole(endpoint).Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "answered HTTP 502 instead of an API response, after 4 attempts") {
		t.Errorf("err = %v, want HTTP 502 after 4 attempts", err)
	}
	if strings.Contains(fmt.Sprint(err), "Bad Gateway") || count.Load() != 4 {
		t.Errorf("%d requests; the error quotes STS's body: %v", count.Load(), err)
	}
}

func TestAnAssumeRoleFailureUnwrapsToItsCause(t *testing.T) {
	endpoint, _ := gatewayErrors(t, 0)
	a := assumeRole(endpoint)
	if err := a.Base.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := a.Retrieve(ctx)
	var callErr *tencentapi.Error
	if !errors.Is(err, context.Canceled) || !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeCancelled {
		t.Errorf("err = %v, want it to unwrap to the cancelled STS call", err)
	}
}

func TestAWaiterGetsTheRoleAlthoughTheCallerThatStartedTheFetchWasCancelled(t *testing.T) {
	var calls atomic.Int32
	release := make(chan struct{})
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		select {
		case <-release:
			writeAssumedRole(w)
		case <-r.Context().Done():
		}
	}))
	defer ts.Close()
	cache := credentials.NewCache(assumeRole(ts.URL))

	starter, cancel := context.WithCancel(context.Background())
	started := make(chan error, 1)
	go func() { started <- cache.Refresh(starter) }()
	for calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	waiter := make(chan error, 1)
	go func() { waiter <- cache.Refresh(context.Background()) }()
	cancel()
	if err := <-started; !errors.Is(err, context.Canceled) {
		t.Errorf("the cancelled caller got %v", err)
	}
	close(release)
	if err := <-waiter; err != nil || cache.GetSecretId() != "AKIDtmp1" {
		t.Errorf("the waiter got %v, SecretId %q; want the role's credential", err, cache.GetSecretId())
	}
	if n := calls.Load(); n != 1 {
		t.Errorf("%d AssumeRole calls, want the one the cancelled caller started", n)
	}
}
