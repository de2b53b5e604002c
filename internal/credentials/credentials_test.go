// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

const world = `{
  "credentials": [{"secret_id": "AKIDbase", "secret_key": "base-key", "uin": 1}],
  "roles": [{"role_arn": "qcs::cam::uin/1:roleName/r", "uin": 1}],
  "cvm_roles": [{"role_name": "runner", "uin": 1}]
  %s
}`

// worldWith is world with extra top-level fields, each after a comma.
func worldWith(extra string) string {
	return strings.Replace(world, "%s", extra, 1)
}

func assumeRole(endpoint string) *credentials.AssumeRole {
	u, _ := url.Parse(endpoint)
	base := credentials.NewCache(credentials.Static{Value: credentials.Value{SecretID: "AKIDbase", SecretKey: "base-key"}, Description: "test"})
	return &credentials.AssumeRole{
		Base: base,
		STS: sts.NewClient(tencentapi.Config{
			Credential: base, Endpoint: u, MaxRetries: 3, RetryBaseDelay: time.Millisecond, RetryMaxDelay: 10 * time.Millisecond,
		}),
		RoleArn:     "qcs::cam::uin/1:roleName/r",
		SessionName: "session",
	}
}

func TestAssumeRoleRetriesTransientSTSFailures(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, worldWith(`, "faults": [{"kind": "internal_error", "count": 2}]`))
	value, err := assumeRole(endpoints.STS).Retrieve(context.Background())
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
	_, endpoints := acctest.StartEmulator(t, worldWith(""))
	a := assumeRole(endpoints.STS)
	a.RoleArn = "qcs::cam::uin/1:roleName/missing"
	_, err := a.Retrieve(context.Background())
	var credErr *credentials.Error
	if !errors.As(err, &credErr) || credErr.Code != "ResourceNotFound.RoleNotFound" || len(credErr.RequestID) != 36 {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(err.Error(), "qcs::cam::uin/1:roleName/missing assumed with test") {
		t.Errorf("error %q does not say which source failed", err)
	}
}

// STS pointed at another service's endpoint must fail as the real hosts
// would, not quietly work because one emulator serves everything.
func TestAssumeRoleAtAnotherServicesEndpointFailsNamingTheAction(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, worldWith(""))
	_, err := assumeRole(endpoints.Organization).Retrieve(context.Background())
	var credErr *credentials.Error
	if !errors.As(err, &credErr) || credErr.Code != "InvalidAction" ||
		!strings.Contains(err.Error(), "STS at "+endpoints.Organization) || !strings.Contains(err.Error(), "`AssumeRole`") {
		t.Fatalf("err = %v, want InvalidAction naming the endpoint and AssumeRole", err)
	}
	if _, err := assumeRole(endpoints.Metadata).Retrieve(context.Background()); err == nil {
		t.Fatal("AssumeRole at the metadata endpoint succeeded")
	}
}

func TestCVMRoleNotACVMFailsFast(t *testing.T) {
	// Port 1 refuses at once (a port freed by a closed test server may be
	// taken by a parallel test's); a host that accepts and never answers
	// is the hang a machine off CVM could otherwise see.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	go func() {
		for {
			conn, err := silent.Accept()
			if err != nil {
				return
			}
			defer conn.Close()
		}
	}()
	for name, endpoint := range map[string]string{"refused": "http://127.0.0.1:1", "silent": "http://" + silent.Addr().String()} {
		start := time.Now()
		_, err := credentials.NewCVMRole("runner", endpoint).Retrieve(context.Background())
		if err == nil || !strings.Contains(err.Error(), "is this one?") {
			t.Errorf("%s: err = %v", name, err)
		}
		if took := time.Since(start); took > 4*time.Second {
			t.Errorf("%s: took %v, want the 3s metadata timeout at most", name, took)
		}
	}
}

func TestCVMRoleFromMetadata(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, worldWith(""))
	value, err := credentials.NewCVMRole("runner", endpoints.Metadata).Retrieve(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(value.SecretID, "AKIDtmp") || value.Token == "" || time.Until(value.Expires) < time.Hour {
		t.Errorf("value %+v", value)
	}
}

func TestReadProfile(t *testing.T) {
	dir := t.TempDir()
	acctest.WriteFile(t, filepath.Join(dir, "p.credential"), `{"secretId": "AKIDp", "secretKey": "k", "token": "t", "role-arn": "arn", "role-session-name": "s", "type": "secret"}`)
	acctest.WriteFile(t, filepath.Join(dir, "p.configure"), `{"_sys_param": {"region": "ap-beijing", "output": "json"}}`)
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
	acctest.WriteFile(t, filepath.Join(dir, "secret.credential"), `{"secretId": "AKIDp", "secretKey": 5}`)
	if _, err := credentials.ReadProfile(dir, "secret"); err == nil || strings.Contains(err.Error(), "5") && !strings.Contains(err.Error(), `"secretKey"`) {
		t.Errorf("wrong-typed secretKey: %v", err)
	}
}

func TestAssumeRoleDecodeErrorsQuoteNoSecret(t *testing.T) {
	for name, before := range map[string]string{
		"a plain answer": "",
		// The SDK's parse error ends "..., because: <reason>"; an answer
		// saying "because: " itself must not make the keys after it the reason.
		"an answer that says because": `"Note": "issued because: allowed, because: policy", `,
	} {
		t.Run(name, func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				_, _ = w.Write([]byte(`{"Response": {` + before + `"Credentials": {"TmpSecretId": "AKIDleak", "TmpSecretKey": "LEAKED-KEY", ` +
					`"Token": "LEAKED-TOKEN"}, "ExpiredTime": "soon", "RequestId": "r"}}`))
			}))
			defer ts.Close()
			_, err := assumeRole(ts.URL).Retrieve(context.Background())
			if err == nil || !strings.Contains(err.Error(), "not an AssumeRole response") {
				t.Fatalf("err = %v", err)
			}
			if strings.Contains(err.Error(), "LEAKED") || strings.Contains(err.Error(), "AKIDleak") {
				t.Errorf("the error quotes the response's secrets: %v", err)
			}
		})
	}
}

// blockingSource blocks every Retrieve until release closes, counting calls.
type blockingSource struct {
	calls   atomic.Int32
	release chan struct{}
	err     error
}

func (b *blockingSource) Retrieve(ctx context.Context) (credentials.Value, error) {
	b.calls.Add(1)
	select {
	case <-b.release:
	case <-ctx.Done():
		return credentials.Value{}, ctx.Err()
	}
	return credentials.Value{SecretID: "id", SecretKey: "k", Token: "t", Expires: time.Now().Add(time.Hour)}, b.err
}
func (b *blockingSource) Describe() string { return "blocking" }

func TestRefreshWaitersShareOneFetchAndHonourTheirContext(t *testing.T) {
	source := &blockingSource{release: make(chan struct{}), err: errors.New("STS is down")}
	cache := credentials.NewCache(source)

	leaderDone := make(chan error, 1)
	go func() { leaderDone <- cache.Refresh(context.Background()) }()
	for source.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}

	// A waiter whose context ends stops waiting at once.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	if err := cache.Refresh(ctx); !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
		t.Errorf("a cancelled waiter returned %v after %v", err, time.Since(start))
	}

	// Other waiters share the leader's outcome rather than fetching again.
	results := make(chan error, 5)
	for range 5 {
		go func() { results <- cache.Refresh(context.Background()) }()
	}
	// Give the waiters time to join the fetch in flight; one that starts
	// late would fetch again and fail the count below.
	time.Sleep(300 * time.Millisecond)
	close(source.release)
	if err := <-leaderDone; err == nil {
		t.Error("the leader's failed fetch returned no error")
	}
	for range 5 {
		if err := <-results; err == nil || err.Error() != "STS is down" {
			t.Errorf("a waiter got %v, want the shared failure", err)
		}
	}
	if n := source.calls.Load(); n != 1 {
		t.Errorf("%d fetches for concurrent callers, want 1", n)
	}
}

// sequenceSource returns its values in turn, then fails.
type sequenceSource struct {
	values []credentials.Value
	calls  atomic.Int32
}

func (s *sequenceSource) Retrieve(context.Context) (credentials.Value, error) {
	n := int(s.calls.Add(1))
	if n > len(s.values) {
		return credentials.Value{}, errors.New("source unavailable")
	}
	return s.values[n-1], nil
}
func (s *sequenceSource) Describe() string { return "sequence" }

func TestInvalidateRenewsOnlyExpiringCredentials(t *testing.T) {
	static := credentials.NewCache(credentials.Static{Value: credentials.Value{SecretID: "s", SecretKey: "k"}})
	_ = static.Refresh(context.Background())
	if static.Invalidate() {
		t.Error("a static credential claims it can be renewed")
	}
	source := &sequenceSource{values: []credentials.Value{
		{SecretID: "first", SecretKey: "k", Token: "t", Expires: time.Now().Add(time.Hour)},
		{SecretID: "second", SecretKey: "k", Token: "t", Expires: time.Now().Add(time.Hour)},
	}}
	temporary := credentials.NewCache(source)
	_ = temporary.Refresh(context.Background())
	if !temporary.Invalidate() {
		t.Fatal("a temporary credential cannot be renewed")
	}
	if err := temporary.Refresh(context.Background()); err != nil || temporary.GetSecretId() != "second" {
		t.Errorf("after Invalidate: %v, SecretId %q", err, temporary.GetSecretId())
	}
}
