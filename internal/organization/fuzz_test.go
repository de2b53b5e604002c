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

const okBody = `{"Response": {"BindStatus": "Success", "RequestId": "ok-request"}}`

func apiErrorBody(code string) string {
	return `{"Response": {"Error": {"Code": "` + code + `", "Message": "canned"}, "RequestId": "req-` + code + `"}}`
}

// FuzzResponseDecoding feeds arbitrary responses to both actions: the
// client must never panic, and must return either a response or an *Error
// with a code. The seeds run with every `go test`.
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
		`{"Response": {"Items": [{"MemberUin": 9223372036854775807, "NodeId": -1, "Tags": [null]}], "Total": 1, "RequestId": "r"}}`,
		`{"Response": {"Items": "none", "Total": "x"}}`,
		`{"Response": {"Items": [null], "Total": 18446744073709551615}}`,
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
		bind, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
		checkDecoded(t, bind == nil, err)
		page, err := client.DescribeOrganizationMembers(context.Background(), organization.NewDescribeOrganizationMembersRequest())
		checkDecoded(t, page == nil, err)
	})
}

func checkDecoded(t *testing.T, noResponse bool, err error) {
	t.Helper()
	if err == nil {
		if noResponse {
			t.Fatal("no error and no response")
		}
		return
	}
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code == "" {
		t.Fatalf("err = %#v, want *tencentapi.Error with a code", err)
	}
}
