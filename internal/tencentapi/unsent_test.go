// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

// What a failed call says about whether the server may have acted, and
// what a sensitive client's error may carry of an answer.

import (
	"context"
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// keysAnswer is an answer carrying temporary keys, as STS's do.
const keysAnswer = `{"Response":{"Credentials":{"TmpSecretId":"AKIDtmp","TmpSecretKey":"tmp-key","Token":"tmp-token"}}}`

// rawReply answers with raw bytes instead of an HTTP response.
func rawReply(raw string) fault {
	return func(w http.ResponseWriter, _ *http.Request) {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			_, _ = conn.Write([]byte(raw))
			_ = conn.Close()
		}
	}
}

// callThrough makes one call without retries to endpoint, through a
// sensitive client if asked, and returns its error.
func callThrough(t *testing.T, endpoint *url.URL, options ...tencentapi.Option) *tencentapi.Error {
	t.Helper()
	client := testClient{tencentapi.NewClient("organization", tencentapi.Config{
		Credential: common.NewCredential("AKIDtest", "key"), Endpoint: endpoint,
	}, options...)}
	_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) {
		t.Fatalf("err = %v, want a *tencentapi.Error", err)
	}
	return callErr
}

// assertNothingOfTheKeys fails if err, or any error it wraps, quotes the keys.
func assertNothingOfTheKeys(t *testing.T, err *tencentapi.Error) {
	t.Helper()
	for e := error(err); e != nil; e = errors.Unwrap(e) {
		for _, secret := range []string{"AKIDtmp", "tmp-key", "tmp-token"} {
			if strings.Contains(e.Error(), secret) || strings.Contains(err.Body, secret) {
				t.Errorf("%T %q (body %q) quotes %q from the answer", e, e.Error(), err.Body, secret)
			}
		}
	}
}

func TestASensitiveClientsErrorQuotesNothingOfAReplyThatIsNotHTTP(t *testing.T) {
	for name, raw := range map[string]string{
		"JSON instead of a status line": keysAnswer + "\r\n\r\n",
		"JSON as a header line":         "HTTP/1.1 200 OK\r\n" + keysAnswer + "\r\n\r\n",
	} {
		t.Run(name, func(t *testing.T) {
			endpoint, _ := faultyServer(t, rawReply(raw))
			callErr := callThrough(t, endpoint, tencentapi.SensitiveResponses())
			assertNothingOfTheKeys(t, callErr)
			if callErr.Code != tencentapi.CodeUnreadableResponse || callErr.Unsent() {
				t.Errorf("%v: Unsent %v; want an answer that could not be read, which the server may have acted on", callErr, callErr.Unsent())
			}
		})
	}
}

func TestASensitiveClientsErrorWrapsNothingThatQuotesTheAnswer(t *testing.T) {
	for name, f := range map[string]fault{
		"a gateway status":        replyStatus(http.StatusBadGateway, keysAnswer),
		"JSON of the wrong shape": replyBody(strings.Replace(keysAnswer, `"Response":{`, `"Response":{"BindId":"one",`, 1)),
	} {
		t.Run(name, func(t *testing.T) {
			endpoint, _ := faultyServer(t, f)
			assertNothingOfTheKeys(t, callThrough(t, endpoint, tencentapi.SensitiveResponses()))
		})
	}
}

func TestAClientErrorCodeInTheAnswerIsTheAPIsAndMayHaveBeenActedOn(t *testing.T) {
	for _, code := range []string{tencentapi.CodeRequestFailed, tencentapi.CodeCredentialError, tencentapi.CodeNetworkError} {
		t.Run(code, func(t *testing.T) {
			endpoint, _ := faultyServer(t, replyAPIError(code))
			callErr := callThrough(t, endpoint)
			if callErr.Code != code || callErr.LocalCode() != "" || callErr.Unsent() || callErr.RequestID == "" {
				t.Errorf("%v: LocalCode %q, Unsent %v; want the API's error, which it may have acted on",
					callErr, callErr.LocalCode(), callErr.Unsent())
			}
		})
	}
}

func TestOnlyAFailureWhileConnectingCountsAsUnsent(t *testing.T) {
	untrusted := httptest.NewUnstartedServer(http.NotFoundHandler())
	untrusted.Config.ErrorLog = log.New(io.Discard, "", 0) // the handshake this test fails
	untrusted.StartTLS()
	t.Cleanup(untrusted.Close)
	untrustedURL, _ := url.Parse(untrusted.URL)
	closedURL := closedEndpoint(t)
	eofAfterRequest, _ := faultyServer(t, rawReply(""))
	resetAfterRequest, _ := faultyServer(t, resetConnection)

	for name, tc := range map[string]struct {
		endpoint *url.URL
		unsent   bool
	}{
		"an untrusted certificate": {untrustedURL, true},
		"a refused connection":     {closedURL, true},
		"EOF after the request":    {eofAfterRequest, false},
		"reset after the request":  {resetAfterRequest, false},
	} {
		t.Run(name, func(t *testing.T) {
			callErr := callThrough(t, tc.endpoint)
			if callErr.Code != tencentapi.CodeNetworkError || callErr.Unsent() != tc.unsent {
				t.Errorf("%v: Unsent %v, want a network error with Unsent %v", callErr, callErr.Unsent(), tc.unsent)
			}
		})
	}
}
