// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// recordingServer answers like the API and keeps the headers of every
// request it receives, which must be none when it is a redirect's target.
func recordingServer(t *testing.T) (*httptest.Server, func() []http.Header) {
	t.Helper()
	var mu sync.Mutex
	var received []http.Header
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		received = append(received, r.Header.Clone())
		mu.Unlock()
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	return ts, func() []http.Header {
		mu.Lock()
		defer mu.Unlock()
		return received
	}
}

func TestRedirectsAreRefusedAndNothingReachesTheOtherHost(t *testing.T) {
	target, received := recordingServer(t)
	targetURL, _ := url.Parse(target.URL)
	// The query stands for a secret the redirecting host put in the URL.
	location := target.URL + "/elsewhere?signature=query-secret"
	redirect := func(status int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, location, status) }
	}
	for name, tc := range map[string]struct {
		status int
		tls    bool
	}{
		"301":                    {http.StatusMovedPermanently, false},
		"302":                    {http.StatusFound, false},
		"303":                    {http.StatusSeeOther, false},
		"307":                    {http.StatusTemporaryRedirect, false},
		"308":                    {http.StatusPermanentRedirect, false},
		"302 from https to http": {http.StatusFound, true},
	} {
		t.Run(name, func(t *testing.T) {
			var source *httptest.Server
			if tc.tls {
				source = httptest.NewTLSServer(redirect(tc.status))
			} else {
				source = httptest.NewServer(redirect(tc.status))
			}
			t.Cleanup(source.Close)
			endpoint, _ := url.Parse(source.URL)
			client := newClient(tencentapi.Config{
				Credential: common.NewTokenCredential("AKIDtmp", "secret-key", "session-token"),
				Endpoint:   endpoint, MaxRetries: 3, RetryBaseDelay: 1,
				// The test server's certificate, trusted as a real endpoint's would be.
				Transport: source.Client().Transport,
			})
			_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)

			var callErr *tencentapi.Error
			if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeRedirect {
				t.Fatalf("err = %v, want a %s error", err, tencentapi.CodeRedirect)
			}
			if callErr.HTTPStatus != tc.status || callErr.RedirectHost != targetURL.Host || callErr.Attempts != 1 {
				t.Errorf("status %d, host %q, %d attempts; want %d, %q, 1", callErr.HTTPStatus, callErr.RedirectHost, callErr.Attempts, tc.status, targetURL.Host)
			}
			if !strings.Contains(err.Error(), targetURL.Host) || strings.Contains(err.Error(), "query-secret") {
				t.Errorf("error %q must name the host and not the URL's query", err)
			}
			if got := received(); len(got) != 0 {
				t.Errorf("the redirect's target received %d requests, the first with headers %v", len(got), got[0])
			}
		})
	}
}
