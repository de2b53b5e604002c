// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// Secrets the fake STS hands out; no error text may contain them.
const (
	tmpSecretKey = "tmp-secret-key-value"
	tmpToken     = "tmp-session-token-value"
)

// stsCall is what the fake STS received in one request.
type stsCall struct {
	Action string
	Header http.Header
	Body   map[string]any
}

// fakeSTS answers every action with a temporary credential living lifetime,
// or, while reply is set, with what reply writes; it records every request.
type fakeSTS struct {
	URL      *url.URL
	lifetime time.Duration

	mu    sync.Mutex
	calls []stsCall
	reply func(w http.ResponseWriter)
}

func newFakeSTS(t *testing.T, lifetime time.Duration) *fakeSTS {
	t.Helper()
	f := &fakeSTS{lifetime: lifetime}
	ts := httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(ts.Close)
	f.URL, _ = url.Parse(ts.URL)
	return f
}

func (f *fakeSTS) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	_ = json.Unmarshal(raw, &body)
	f.mu.Lock()
	f.calls = append(f.calls, stsCall{Action: r.Header.Get("X-TC-Action"), Header: r.Header.Clone(), Body: body})
	n, reply := len(f.calls), f.reply
	f.mu.Unlock()
	if reply != nil {
		reply(w)
		return
	}
	_, _ = fmt.Fprintf(w, `{"Response": {"Credentials": {"TmpSecretId": "AKIDtmp%d", "TmpSecretKey": %q, "Token": %q},`+
		` "ExpiredTime": %d, "RequestId": "sts-%d"}}`, n, tmpSecretKey, tmpToken, time.Now().Add(f.lifetime).Unix(), n)
}

// replyWith makes every later request answered by reply; nil restores the credential.
func (f *fakeSTS) replyWith(reply func(w http.ResponseWriter)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reply = reply
}

func (f *fakeSTS) Calls() []stsCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]stsCall(nil), f.calls...)
}

// apiError answers with an STS error whose message is code.
func apiError(code string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		_, _ = fmt.Fprintf(w, `{"Response": {"Error": {"Code": %q, "Message": "refused"}, "RequestId": "req-err"}}`, code)
	}
}

// client returns an STS client for f that signs with base, or with
// nothing when base is nil, and does not retry.
func (f *fakeSTS) client(base *credentials.Cache) *sts.Client {
	cfg := tencentapi.Config{Endpoint: f.URL, RetryBaseDelay: time.Millisecond, RetryMaxDelay: time.Millisecond}
	if base != nil {
		cfg.Credential = base
	}
	return sts.NewClient(cfg)
}

func baseCache() *credentials.Cache {
	return credentials.NewCache(credentials.Static{
		Value: credentials.Value{SecretID: "AKIDbase", SecretKey: "base-secret-key"}, Description: "the base key",
	})
}
