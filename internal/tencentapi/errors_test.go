// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

// How a failed call is worded: what an error may quote, and what it says
// about whether the server may have acted.

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// wrongShapeSaying is an answer the SDK cannot decode (BindId is no
// number) whose text holds the SDK's separator, ", because: ", before
// temporary keys, as an STS answer's free text could.
const wrongShapeSaying = `{"Response": {"Note": "issued, because: policy allows", ` +
	`"Credentials": {"TmpSecretId": "AKIDtmp", "TmpSecretKey": "tmp-key", "Token": "tmp-token"}, "BindId": "one", "RequestId": "r"}}`

func callOnce(t *testing.T, body string, options ...tencentapi.Option) *tencentapi.Error {
	t.Helper()
	endpoint, _ := faultyServer(t, replyBody(body))
	client := testClient{tencentapi.NewClient("organization", tencentapi.Config{
		Credential: common.NewCredential("AKIDtest", "key"), Endpoint: endpoint,
	}, options...)}
	_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeMalformedResponse {
		t.Fatalf("err = %v, want %s", err, tencentapi.CodeMalformedResponse)
	}
	return callErr
}

func TestASensitiveClientsErrorNeverQuotesTheSDKsReason(t *testing.T) {
	callErr := callOnce(t, wrongShapeSaying, tencentapi.SensitiveResponses())
	for _, secret := range []string{"AKIDtmp", "tmp-key", "tmp-token", "policy allows", "cannot unmarshal"} {
		if strings.Contains(callErr.Error(), secret) || strings.Contains(callErr.Body, secret) {
			t.Errorf("%q (body %q) quotes %q from the answer or the SDK's reason", callErr.Error(), callErr.Body, secret)
		}
	}
}

func TestAnAnswerOfTheWrongShapeIsExplainedByWhatFollowsTheSDKsLastBecause(t *testing.T) {
	callErr := callOnce(t, wrongShapeSaying)
	if !strings.HasSuffix(callErr.Message, "documented shape: json: cannot unmarshal string into Go struct field .BindId of type uint64") {
		t.Errorf("Message = %q, want the decoder's reason alone", callErr.Message)
	}
}

// unreadableAnswers arrive whole or in part and cannot be read.
var unreadableAnswers = map[string]fault{
	"an encoding the SDK cannot read": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Encoding", "br")
		_, _ = w.Write([]byte(okBody))
	},
	"plain JSON said to be gzip": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		_, _ = w.Write([]byte(okBody))
	},
	"a gzip stream cut short": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		stream := compressed(gzip.NewWriter)
		_, _ = w.Write(stream[:len(stream)/2])
	},
	"a deflate stream that is corrupt": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Encoding", "deflate")
		stream := compressed(zlib.NewWriter)
		stream[len(stream)/2] ^= 0xff
		_, _ = w.Write(stream)
	},
	"a body cut short by the connection": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "1000")
		_, _ = w.Write([]byte(okBody))
		// Hijacking sends what was written; closing then ends the body early.
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			_ = conn.Close()
		}
	},
	"a body without a length cut short by the connection": func(w http.ResponseWriter, _ *http.Request) {
		if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
			_, _ = conn.Write([]byte("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + okBody[:30]))
			_ = conn.Close()
		}
	},
	"a body over 1 MiB": func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"Response": {"Pad": "` + strings.Repeat("x", 1<<20) + `", "RequestId": "r"}}`))
	},
	"an event stream": func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/event-stream")
		_, _ = w.Write([]byte(okBody))
	},
}

// compressed is okBody written through a compressor.
func compressed[W io.WriteCloser](newWriter func(io.Writer) W) []byte {
	var b bytes.Buffer
	w := newWriter(&b)
	_, _ = w.Write([]byte(okBody))
	_ = w.Close()
	return b.Bytes()
}

func TestAnAnswerThatArrivedButCouldNotBeReadCountsAsOneTheServerMayHaveActedOn(t *testing.T) {
	for name, f := range unreadableAnswers {
		t.Run(name, func(t *testing.T) {
			endpoint, _ := faultyServer(t, f)
			_, err := fastRetryClient(endpoint, 0).DescribeOrganizationMemberEmailBind(context.Background(), 1)
			var callErr *tencentapi.Error
			if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeUnreadableResponse {
				t.Fatalf("err = %v, want %s", err, tencentapi.CodeUnreadableResponse)
			}
			if callErr.Unsent() || callErr.HTTPStatus != http.StatusOK || !strings.Contains(callErr.Message, "could not be read") {
				t.Errorf("%+v: Unsent %v; want an answer with status 200 that could not be read, which the server may have acted on",
					callErr, callErr.Unsent())
			}
		})
	}
}

func TestADeflateAnswerIsReadAsHTTPDefinesItZlibWrapped(t *testing.T) {
	endpoint, _ := faultyServer(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Encoding", "deflate")
		_, _ = w.Write(compressed(zlib.NewWriter))
	})
	if _, err := fastRetryClient(endpoint, 0).DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
		t.Errorf("err = %v, want the answer read", err)
	}
}
