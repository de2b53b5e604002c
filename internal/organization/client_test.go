// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

const world = `{
  "credentials": [{"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 1}],
  "organizations": [{"admin_uin": 1, "members": [
    {"member_uin": 100033118139, "email_bind": {
      "BindId": 9007199254740993, "ApplyTime": "2022-01-13 12:09:08", "Email": "123@qq.com",
      "Phone": "18***32", "BindStatus": "Success", "BindTime": "2022-01-13 18:09:08",
      "Description": "success", "PhoneBind": 1, "CountryCode": "86"}},
    {"member_uin": 100033118140, "email_bind": {"BindStatus": "Unbound", "Email": null, "BindId": 0}}
  ]}]
}`

// serveTestWorld serves world and returns its Organization endpoint, the
// only one these tests call.
func serveTestWorld(t *testing.T) (*emulator.Server, *url.URL) {
	t.Helper()
	srv, endpoints := acctest.StartEmulator(t, world)
	u, _ := url.Parse(endpoints.Organization)
	return srv, u
}

func newClient(endpoint *url.URL, region string) *organization.Client {
	return organization.NewClient(tencentapi.Config{
		Credential: common.NewCredential("AKIDadmin", "admin-key"),
		Region:     region,
		Endpoint:   endpoint,
		UserAgent:  "terraform-provider-tencentcloud/test",
	})
}

func TestDescribeDecodesEveryFieldExactly(t *testing.T) {
	srv, endpoint := serveTestWorld(t)
	got, err := newClient(endpoint, "").DescribeOrganizationMemberEmailBind(context.Background(), 100033118139)
	if err != nil {
		t.Fatal(err)
	}
	// 2^53+1 would come back as ...992 through a float64.
	if got.BindId == nil || *got.BindId != 9007199254740993 {
		t.Errorf("BindId = %v, want 9007199254740993", got.BindId)
	}
	for name, pair := range map[string][2]*string{
		"ApplyTime":   {got.ApplyTime, ptr("2022-01-13 12:09:08")},
		"Email":       {got.Email, ptr("123@qq.com")},
		"Phone":       {got.Phone, ptr("18***32")},
		"BindStatus":  {got.BindStatus, ptr("Success")},
		"BindTime":    {got.BindTime, ptr("2022-01-13 18:09:08")},
		"Description": {got.Description, ptr("success")},
		"CountryCode": {got.CountryCode, ptr("86")},
	} {
		if pair[0] == nil || *pair[0] != *pair[1] {
			t.Errorf("%s = %v, want %q", name, pair[0], *pair[1])
		}
	}
	if got.PhoneBind == nil || *got.PhoneBind != 1 {
		t.Errorf("PhoneBind = %v, want 1", got.PhoneBind)
	}
	if got.RequestId == nil || *got.RequestId != srv.Requests()[0].RequestID {
		t.Errorf("RequestId = %v, want the emulator's %s", got.RequestId, srv.Requests()[0].RequestID)
	}
}

func TestDescribeKeepsAbsentAndNullFieldsNil(t *testing.T) {
	_, endpoint := serveTestWorld(t)
	got, err := newClient(endpoint, "").DescribeOrganizationMemberEmailBind(context.Background(), 100033118140)
	if err != nil {
		t.Fatal(err)
	}
	if got.Email != nil || got.Phone != nil || got.ApplyTime != nil || got.PhoneBind != nil {
		t.Errorf("absent or null fields decoded as values: %+v", got)
	}
	if got.BindId == nil || *got.BindId != 0 {
		t.Errorf("an explicit 0 must stay 0, got %v", got.BindId)
	}
}

func TestRegionIsSentOnlyWhenSet(t *testing.T) {
	srv, endpoint := serveTestWorld(t)
	for _, region := range []string{"", "ap-guangzhou"} {
		if _, err := newClient(endpoint, region).DescribeOrganizationMemberEmailBind(context.Background(), 100033118139); err != nil {
			t.Fatal(err)
		}
	}
	reqs := srv.Requests()
	if reqs[0].Region != "" || reqs[1].Region != "ap-guangzhou" {
		t.Errorf("regions sent: %q, %q", reqs[0].Region, reqs[1].Region)
	}
	if reqs[0].RequestClient != "terraform-provider-tencentcloud/test" {
		t.Errorf("X-TC-RequestClient = %q", reqs[0].RequestClient)
	}
}

func TestAPIErrorsKeepCodeAndRequestID(t *testing.T) {
	srv, endpoint := serveTestWorld(t)
	_, err := newClient(endpoint, "").DescribeOrganizationMemberEmailBind(context.Background(), 42)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != "ResourceNotFound.OrganizationMemberNotExist" {
		t.Fatalf("err = %v", err)
	}
	if callErr.RequestID != srv.Requests()[0].RequestID {
		t.Errorf("RequestId = %q, want %q", callErr.RequestID, srv.Requests()[0].RequestID)
	}
}

func TestResponseWithoutEnvelopeIsAnError(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"Result": {}}`))
	}))
	defer ts.Close()
	u, _ := url.Parse(ts.URL)
	_, err := newClient(u, "").DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeMalformedResponse {
		t.Fatalf("err = %v, want %s", err, tencentapi.CodeMalformedResponse)
	}
	if callErr.Body != `{"Result": {}}` {
		t.Errorf("Body = %q, want the response quoted", callErr.Body)
	}
}

func TestDefaultHostIsTheInternationalSite(t *testing.T) {
	c := organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b")})
	if got := c.Endpoint(); got != "https://organization.intl.tencentcloudapi.com" {
		t.Errorf("Endpoint() = %s", got)
	}
	c = organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Scheme: "http", RootDomain: "tencentcloudapi.com"})
	if got := c.Endpoint(); got != "http://organization.tencentcloudapi.com" {
		t.Errorf("Endpoint() = %s", got)
	}
}

// Go reads proxy variables once per process, so each case runs in a child
// process of this test binary.
const proxyChildEnv = "ORGANIZATION_PROXY_TEST_CHILD"

func TestHonoursProxyEnvironment(t *testing.T) {
	if os.Getenv(proxyChildEnv) != "" {
		runProxyChild(t)
		return
	}
	_, emulatorURL := serveTestWorld(t)
	var proxied atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied.Add(1)
		// Forward to the emulator, keeping the Host the client signed.
		r.URL.Scheme, r.URL.Host, r.RequestURI = "http", emulatorURL.Host, ""
		resp, err := http.DefaultTransport.RoundTrip(r)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		w.WriteHeader(resp.StatusCode)
		_, _ = io.Copy(w, resp.Body)
	}))
	defer proxy.Close()

	for _, tt := range []struct {
		name        string
		noProxy     string
		wantProxied bool
	}{
		{"through HTTP_PROXY", "", true},
		{"bypassed by NO_PROXY", "organization.example.test", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			before := proxied.Load()
			cmd := exec.Command(os.Args[0], "-test.run=^TestHonoursProxyEnvironment$")
			cmd.Env = append(os.Environ(), proxyChildEnv+"=1", "HTTP_PROXY="+proxy.URL, "NO_PROXY="+tt.noProxy, "no_proxy=")
			out, err := cmd.CombinedOutput()
			if tt.wantProxied && err != nil {
				t.Fatalf("child failed: %v\n%s", err, out)
			}
			if got := proxied.Load() > before; got != tt.wantProxied {
				t.Errorf("request went through the proxy: %v, want %v\n%s", got, tt.wantProxied, out)
			}
		})
	}
}

func runProxyChild(t *testing.T) {
	endpoint, _ := url.Parse("http://organization.example.test")
	got, err := newClient(endpoint, "").DescribeOrganizationMemberEmailBind(context.Background(), 100033118139)
	if err != nil {
		t.Fatal(err)
	}
	if got.Email == nil || !strings.Contains(*got.Email, "@") {
		t.Fatalf("unexpected response %+v", got)
	}
}

func ptr[T any](v T) *T { return &v }
