// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

// Exchanges that got no answer they could read: how far they got, whether
// that spent an MFA code, and what their errors may quote.

import (
	"context"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// keysReply is the fake STS's answer as raw bytes, to be sent where HTTP
// expects a status or header line.
var keysReply = `{"Response":{"Credentials":{"TmpSecretId":"AKIDtmp1","TmpSecretKey":"` + tmpSecretKey + `","Token":"` + tmpToken + `"}}}`

// repliesThatAreNotHTTP put the keys where HTTP expects a status line or a
// header line; Go's error for each quotes the line.
var repliesThatAreNotHTTP = map[string]string{
	"JSON instead of a status line": keysReply + "\r\n\r\n",
	"JSON as a header line":         "HTTP/1.1 200 OK\r\n" + keysReply + "\r\n\r\n",
}

// hijacked writes raw on the request's connection and closes it.
func hijacked(raw string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			_, _ = conn.Write([]byte(raw))
			_ = conn.Close()
		}
	}
}

func TestAnSTSReplyThatIsNotHTTPQuotesNoTemporaryKeyAndIsAnAnswerThatCouldNotBeRead(t *testing.T) {
	for name, raw := range repliesThatAreNotHTTP {
		t.Run(name, func(t *testing.T) {
			f := newFakeSTS(t, time.Hour)
			f.replyWith(hijacked(raw))
			_, err := assumeRole(f.URL.String()).Retrieve(context.Background())
			assertNoSecret(t, err)
			if err == nil || !strings.Contains(err.Error(), "answered AssumeRole, but the answer could not be read") {
				t.Errorf("err = %v, want an answer that could not be read", err)
			}
		})
	}
}

func TestTheCVMRolesErrorQuotesNothingOfAMetadataReplyThatIsNotHTTP(t *testing.T) {
	for name, raw := range repliesThatAreNotHTTP {
		t.Run(name, func(t *testing.T) {
			metadata := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { hijacked(raw)(w) }))
			t.Cleanup(metadata.Close)
			_, err := credentials.NewCVMRole("runner", metadata.URL).Retrieve(context.Background())
			assertNoSecret(t, err)
			if err == nil || !strings.Contains(err.Error(), "the metadata service's answer could not be read") {
				t.Errorf("err = %v, want an answer that could not be read", err)
			}
		})
	}
}

func TestAnMFACodeIsNotSpentByAnAttemptThatFailedWhileConnecting(t *testing.T) {
	var reached atomic.Int32
	untrusted := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { reached.Add(1) }))
	untrusted.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshakes this test fails
	untrusted.StartTLS()
	t.Cleanup(untrusted.Close)
	endpoint, _ := url.Parse(untrusted.URL)
	base := baseCache()
	source := &credentials.MFASession{Base: base, STS: sts.NewClient(tencentapi.Config{Credential: base, Endpoint: endpoint}),
		SerialNumber: mfaDevice, TokenCode: mfaCode}
	for attempt := 1; attempt <= 2; attempt++ {
		_, err := source.Retrieve(context.Background())
		if err == nil || !strings.Contains(err.Error(), "could not be reached") || strings.Contains(err.Error(), "may have used it") {
			t.Errorf("attempt %d: err = %v, want STS unreachable and the code unspent", attempt, err)
		}
	}
	if n := reached.Load(); n != 0 {
		t.Errorf("%d requests reached the server through an untrusted certificate", n)
	}
}

func TestAConnectionThatBrokeAfterTheRequestSpendsTheCodeAndIsNotCalledUnreachable(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	f.replyWith(hijacked(""))
	source := mfaSession(f)
	_, err := source.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "broke before STS answered") || strings.Contains(err.Error(), "could not be reached") {
		t.Errorf("err = %v, want a connection that broke before STS answered", err)
	}
	f.replyWith(nil)
	_, err = source.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "may have reached STS") {
		t.Errorf("err = %v, want the code counted as spent", err)
	}
	if n := len(f.Calls()); n != 1 {
		t.Errorf("the code was sent %d times, want once", n)
	}
}

func TestAClientErrorCodeThatSTSAnsweredSpendsTheMFACode(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	f.replyWith(apiError(tencentapi.CodeRequestFailed))
	source := mfaSession(f)
	if _, err := source.Retrieve(context.Background()); err == nil || !strings.Contains(err.Error(), "refused") {
		t.Errorf("err = %v, want STS's refusal", err)
	}
	f.replyWith(nil)
	_, err := source.Retrieve(context.Background())
	assertSpent(t, err)
	if n := len(f.Calls()); n != 1 {
		t.Errorf("the code was sent %d times; STS answered the first, so it may have spent it", n)
	}
}

func TestACallCancelledAfterSTSReceivedTheCodeIsNotWordedAsUnasked(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	f.replyWith(func(http.ResponseWriter) { time.Sleep(300 * time.Millisecond) })
	source := mfaSession(f)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := source.Retrieve(ctx)
	if err == nil || strings.Contains(err.Error(), "was not asked") || !strings.Contains(err.Error(), "cancelled before STS answered") {
		t.Fatalf("err = %v; want a call cancelled before STS answered, not one STS was never asked", err)
	}
	f.replyWith(nil)
	_, err = source.Retrieve(context.Background())
	assertSpent(t, err)
	if n := len(f.Calls()); n != 1 {
		t.Errorf("%d calls to STS after the cancelled one; want no second call with a spent code", n)
	}
}
