// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

const world = `{
  "credentials": [{"secret_id": "AKIDbase", "secret_key": "base-key", "uin": 1}],
  "roles": [{"role_arn": "qcs::cam::uin/1:roleName/r", "uin": 1}],
  "cvm_roles": [{"role_name": "runner", "uin": 1}]
  %s
}`

func startEmulator(t *testing.T, extra string) (*emulator.Server, string) {
	t.Helper()
	w, err := emulator.ParseWorld([]byte(strings.Replace(world, "%s", extra, 1)))
	if err != nil {
		t.Fatal(err)
	}
	srv := emulator.New(w)
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	return srv, ts.URL
}

func assumeRole(endpoint string) *credentials.AssumeRole {
	u, _ := url.Parse(endpoint)
	base := credentials.NewCache(credentials.Static{Value: credentials.Value{SecretID: "AKIDbase", SecretKey: "base-key"}, Description: "test"})
	return &credentials.AssumeRole{
		Base:        base,
		STS:         sts.NewClient(sts.Config{Credential: base, Endpoint: u}),
		RoleArn:     "qcs::cam::uin/1:roleName/r",
		SessionName: "s",
	}
}

func TestAssumeRoleRetriesTransientSTSFailures(t *testing.T) {
	srv, endpoint := startEmulator(t, `, "faults": [{"kind": "internal_error", "count": 2}]`)
	value, err := assumeRole(endpoint).Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(value.SecretID, "AKIDtmp") || value.Token == "" || value.Expires.IsZero() {
		t.Errorf("value %+v is not a temporary credential", value)
	}
	if n := len(srv.AssumeRoleCalls()); n != 1 {
		t.Errorf("%d AssumeRole calls reached the action, want 1 after 2 faults", n)
	}
}

func TestAssumeRoleErrorsNameCodeAndRequestID(t *testing.T) {
	_, endpoint := startEmulator(t, "")
	a := assumeRole(endpoint)
	a.RoleArn = "qcs::cam::uin/1:roleName/missing"
	_, err := a.Retrieve(context.Background())
	var credErr *credentials.Error
	if !errors.As(err, &credErr) || credErr.Code != "ResourceNotFound.RoleNotExist" || len(credErr.RequestID) != 36 {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(err.Error(), "qcs::cam::uin/1:roleName/missing assumed with test") {
		t.Errorf("error %q does not say which source failed", err)
	}
}

func TestCacheRefreshesBeforeExpiry(t *testing.T) {
	var fetches atomic.Int32
	source := fakeSource(func() credentials.Value {
		fetches.Add(1)
		return credentials.Value{SecretID: "id", SecretKey: "key", Token: "t", Expires: time.Now().Add(400 * time.Millisecond)}
	})
	cache := credentials.NewCache(source)
	for range 3 {
		if err := cache.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if fetches.Load() != 1 {
		t.Fatalf("%d fetches for a fresh credential, want 1", fetches.Load())
	}
	// A quarter of the 400ms life before expiry, the credential is replaced.
	time.Sleep(320 * time.Millisecond)
	if err := cache.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if fetches.Load() != 2 {
		t.Errorf("%d fetches after three quarters of the lifetime, want 2", fetches.Load())
	}
}

type fakeSource func() credentials.Value

func (f fakeSource) Retrieve(context.Context) (credentials.Value, error) { return f(), nil }
func (f fakeSource) Describe() string                                    { return "fake" }

func TestCVMRoleNotACVMFailsFast(t *testing.T) {
	closed := httptest.NewServer(nil)
	closed.Close()
	start := time.Now()
	_, err := credentials.NewCVMRole("runner", closed.URL).Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "is this a CVM instance") {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
}

func TestCVMRoleFromMetadata(t *testing.T) {
	_, endpoint := startEmulator(t, "")
	value, err := credentials.NewCVMRole("runner", endpoint).Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(value.SecretID, "AKIDtmp") || value.Token == "" || time.Until(value.Expires) < time.Hour {
		t.Errorf("value %+v", value)
	}
}

func TestReadProfile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("p.credential", `{"secretId": "AKIDp", "secretKey": "k", "token": "t", "role-arn": "arn", "role-session-name": "s", "type": "secret"}`)
	write("p.configure", `{"_sys_param": {"region": "ap-beijing", "output": "json"}}`)
	p, err := credentials.ReadProfile(dir, "p")
	if err != nil {
		t.Fatal(err)
	}
	if p.SecretID != "AKIDp" || p.SecretKey != "k" || p.Token != "t" || p.RoleArn != "arn" || p.RoleSessionName != "s" || p.Region != "ap-beijing" {
		t.Errorf("profile %+v", p)
	}
	if _, err := credentials.ReadProfile(dir, "absent"); !errors.Is(err, credentials.ErrProfileNotFound) {
		t.Errorf("absent profile: %v", err)
	}
	write("secret.credential", `{"secretId": "AKIDp", "secretKey": 5}`)
	if _, err := credentials.ReadProfile(dir, "secret"); err == nil || strings.Contains(err.Error(), "5") && !strings.Contains(err.Error(), `"secretKey"`) {
		t.Errorf("wrong-typed secretKey: %v", err)
	}
}
