// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package explain

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// emailBindCall is a context as the email binding data source writes
// it, for one member.
var emailBindCall = Call{
	Action: "DescribeOrganizationMemberEmailBind", Subject: "member 100033118139", MemberUin: 100033118139,
	MemberArgument: "member_uin", Endpoint: "https://organization.intl.tencentcloudapi.com",
}

func TestRedirectDiagnosticNamesTheHostAndTheFix(t *testing.T) {
	rc := emailBindCall
	d := ReadError(&tencentapi.Error{Code: tencentapi.CodeRedirect, HTTPStatus: 302, RedirectHost: "login.example.com:8443"}, rc)
	if d.Summary() != "API Request Redirected" {
		t.Errorf("summary %q", d.Summary())
	}
	for _, want := range []string{"HTTP 302", "the host login.example.com:8443", "never follows a redirect", "endpoints.organization"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
}

func TestAnAnswerThatCouldNotBeReadIsNotCalledUnreachable(t *testing.T) {
	rc := emailBindCall
	d := ReadError(&tencentapi.Error{
		Code: tencentapi.CodeUnreadableResponse, Message: "the answer could not be read: Content-Encoding not support: br", HTTPStatus: 200,
	}, rc)
	if d.Summary() != "Unreadable API Response" {
		t.Errorf("summary %q", d.Summary())
	}
	for _, want := range []string{"answered DescribeOrganizationMemberEmailBind while reading member 100033118139, but the answer could not be read: " +
		"Content-Encoding not support: br", "endpoints.organization"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
}

func TestEndpointUnreachableNamesTheEndpointItsSourceAndTheOutageNotMaxRetries(t *testing.T) {
	rc := emailBindCall
	rc.Endpoint, rc.Endpoints.Organization = "http://127.0.0.1:1", "the environment variable "+envvar.OrganizationEndpoint
	d := ReadError(&tencentapi.Error{
		Code: tencentapi.CodeEndpointUnreachable, Attempts: 11, Elapsed: 78 * time.Second,
		Outage: &tencentapi.Outage{Failures: 9, Duration: 2345 * time.Millisecond, LastError: "dial tcp 127.0.0.1:1: connect: connection refused"},
	}, rc)
	if d.Summary() != "Tencent Cloud API Endpoint Unreachable" {
		t.Errorf("summary %q", d.Summary())
	}
	for _, want := range []string{"http://127.0.0.1:1", "9 attempts in a row", "over 2.35s", "connection refused",
		"comes from the environment variable TENCENTCLOUD_ORGANIZATION_ENDPOINT"} {
		if !strings.Contains(d.Detail(), want) {
			t.Errorf("detail lacks %q:\n%s", want, d.Detail())
		}
	}
	if strings.Contains(d.Detail(), "max_retries") || strings.Contains(d.Detail(), "1m18") {
		t.Errorf("detail advises max_retries or gives one call's span:\n%s", d.Detail())
	}
}

func TestARefusedConnectionIsNotAdvisedMoreRetries(t *testing.T) {
	rc := emailBindCall
	endpoint := acctest.ClosedURL(t)
	rc.Endpoint = endpoint
	u, _ := url.Parse(endpoint)
	client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u, MaxRetries: 2})
	_, err := client.DescribeOrganizationMemberEmailBind(t.Context(), 1)
	d := ReadError(err, rc)
	if d.Summary() != "Cannot Reach Tencent Cloud API" || !strings.Contains(d.Detail(), "gave up after 3 attempts") {
		t.Fatalf("%s: %s", d.Summary(), d.Detail())
	}
	if strings.Contains(d.Detail(), "max_retries") {
		t.Errorf("a refused connection is advised more retries:\n%s", d.Detail())
	}
}
