// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// cannedTransport answers every request with one status and body, without a network.
type cannedTransport struct {
	status int
	body   []byte
}

func (t cannedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: t.status,
		Header:     http.Header{"Content-Type": {"application/json"}},
		Body:       io.NopCloser(bytes.NewReader(t.body)),
		Request:    req,
	}, nil
}

// FuzzResponseDecoding feeds arbitrary responses to the client: it must
// never panic, and must return either a response or an *Error with a code.
// The seeds run with every `go test`.
func FuzzResponseDecoding(f *testing.F) {
	for _, seed := range []string{
		okBody,
		`{"Response": {"BindId": 18446744073709551615, "PhoneBind": 1, "Email": null, "RequestId": "r"}}`,
		apiErrorBody("InternalError"),
		`{"Response": {"Error": {"Code": 5}, "RequestId": "r"}}`,
		`{"Response": null}`,
		`{"Response": "text"}`,
		`{"Response": {"BindId": -1}}`,
		`{"Response": {"BindId": 1e400}}`,
		`{"Response": {"BindId": "1"}}`,
		`{"Response": {"Email": ["a"]}}`,
		`{"code": 4000, "message": "legacy", "codeDesc": "InvalidParameter"}`,
		`<html><body>502 Bad Gateway</body></html>`,
		okBody[:20],
		``,
		`null`,
		`[]`,
		"\xff\xfe{",
	} {
		f.Add(200, []byte(seed))
	}
	f.Add(502, []byte(`<html>bad gateway</html>`))
	f.Add(500, []byte(apiErrorBody("InternalError")))

	endpoint, _ := url.Parse("http://organization.example.test")
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		if status < 100 || status > 999 {
			t.Skip("not an HTTP status")
		}
		client := organization.NewClient(tencentapi.Config{
			Credential: common.NewCredential("a", "b"),
			Endpoint:   endpoint,
			Transport:  cannedTransport{status: status, body: body},
			RateLimit:  1e9,
		})
		out, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
		if err == nil {
			if out == nil {
				t.Fatal("no error and no response")
			}
			return
		}
		var callErr *tencentapi.Error
		if !errors.As(err, &callErr) || callErr.Code == "" {
			t.Fatalf("err = %#v, want *tencentapi.Error with a code", err)
		}
	})
}
