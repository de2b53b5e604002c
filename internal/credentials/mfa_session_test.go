// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/credentials"
)

const (
	mfaDevice = "qcs::cam:uin/100::mfa/softToken"
	mfaCode   = "864209"
)

func mfaSession(f *fakeSTS) *credentials.MFASession {
	base := baseCache()
	return &credentials.MFASession{Base: base, STS: f.client(base), SerialNumber: mfaDevice, TokenCode: mfaCode}
}

func assumeRoleWithMFA(f *fakeSTS) *credentials.AssumeRole {
	base := baseCache()
	return &credentials.AssumeRole{
		Base: base, STS: f.client(base), RoleArn: "qcs::cam::uin/1:roleName/r", SessionName: "s",
		SourceIdentity: "200", SerialNumber: mfaDevice, TokenCode: mfaCode,
	}
}

// assertSpent checks that err is the single-use refusal and quotes no secret.
func assertSpent(t *testing.T, err error) {
	t.Helper()
	var credErr *credentials.Error
	if !errors.As(err, &credErr) || !strings.Contains(err.Error(), "single-use MFA code") ||
		!strings.Contains(err.Error(), "new code (token_code)") {
		t.Fatalf("err = %v, want the single-use refusal", err)
	}
	assertNoSecret(t, err)
}

func assertNoSecret(t *testing.T, err error) {
	t.Helper()
	for _, secret := range []string{mfaCode, tmpSecretKey, tmpToken, "base-secret-key"} {
		if strings.Contains(err.Error(), secret) {
			t.Errorf("%q quotes a secret", err)
		}
	}
}

func TestAnMFASessionIsObtainedOnceAndThenSaysANewCodeIsNeeded(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	source := mfaSession(f)
	value, err := source.Retrieve(context.Background())
	if err != nil || value.Token != tmpToken {
		t.Fatalf("%v, %+v", err, value)
	}
	call := f.Calls()[0]
	if call.Action != "GetSessionToken" || call.Header.Get("Authorization") == "SKIP" || call.Body["SerialNumber"] != mfaDevice ||
		call.Body["TokenCode"] != mfaCode || call.Body["DurationSeconds"] != 1800.0 {
		t.Errorf("call = %+v, want a signed GetSessionToken with the device, the code and 1800 seconds", call)
	}
	_, err = source.Retrieve(context.Background())
	assertSpent(t, err)
	if n := len(f.Calls()); n != 1 {
		t.Errorf("%d GetSessionToken calls, want 1", n)
	}
}

func TestAnMFASessionRefusedBeforeSTSActedMayBeAskedForAgain(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	f.replyWith(apiError("AuthFailure.SignatureFailure"))
	source := mfaSession(f)
	_, err := source.Retrieve(context.Background())
	if err == nil || strings.Contains(err.Error(), "single-use") {
		t.Fatalf("err = %v, want STS's refusal", err)
	}
	assertNoSecret(t, err)
	f.replyWith(nil)
	if _, err := source.Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Calls()); n != 2 {
		t.Errorf("%d GetSessionToken calls, want 2", n)
	}
}

func TestAnMFACodeSentByAnAttemptThatFailedIsNotSentAgain(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	f.replyWith(apiError("InternalError.SystemError"))
	source := mfaSession(f)
	if _, err := source.Retrieve(context.Background()); err == nil {
		t.Fatal("the failed exchange succeeded")
	}
	calls := len(f.Calls())
	f.replyWith(nil)
	_, err := source.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "STS may have used it") || !strings.Contains(err.Error(), "new code") {
		t.Fatalf("err = %v, want a request for a new code", err)
	}
	assertNoSecret(t, err)
	if n := len(f.Calls()); n != calls {
		t.Errorf("the code was sent again: %d calls after %d", n, calls)
	}
	if calls != 1 {
		t.Errorf("the failed exchange sent the code %d times; a retry could only fail", calls)
	}
}

func TestAnMFACodeWhoseAnswerCouldNotBeReadCountsAsSpent(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	f.replyWith(func(w http.ResponseWriter) {
		w.Header().Set("Content-Encoding", "br")
		_, _ = w.Write([]byte(`{"Response": {"RequestId": "r"}}`))
	})
	source := mfaSession(f)
	_, err := source.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "answered GetSessionToken, but the answer could not be read") ||
		strings.Contains(err.Error(), "not asked") {
		t.Errorf("err = %v, want an answer that could not be read", err)
	}
	f.replyWith(nil)
	_, err = source.Retrieve(context.Background())
	if err == nil || !strings.Contains(err.Error(), "STS may have used it") {
		t.Fatalf("err = %v, want a request for a new code", err)
	}
	assertNoSecret(t, err)
	if n := len(f.Calls()); n != 1 {
		t.Errorf("the code was sent %d times; STS may have spent it on the answer that could not be read", n)
	}
}

func TestARoleAssumedWithAnMFACodeIsAssumedOnce(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	source := assumeRoleWithMFA(f)
	if _, err := source.Retrieve(context.Background()); err != nil {
		t.Fatal(err)
	}
	body := f.Calls()[0].Body
	if body["SerialNumber"] != mfaDevice || body["TokenCode"] != mfaCode || body["SourceIdentity"] != "200" {
		t.Errorf("body = %v", body)
	}
	_, err := source.Retrieve(context.Background())
	assertSpent(t, err)
	if n := len(f.Calls()); n != 1 {
		t.Errorf("%d AssumeRole calls, want 1", n)
	}
}

func TestARoleAssumedWithoutAnMFACodeIsAssumedAgain(t *testing.T) {
	f := newFakeSTS(t, time.Hour)
	source := assumeRoleWithMFA(f)
	source.SerialNumber, source.TokenCode = "", ""
	for range 2 {
		if _, err := source.Retrieve(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	if body := f.Calls()[1].Body; len(f.Calls()) != 2 || body["TokenCode"] != nil || body["SerialNumber"] != nil {
		t.Errorf("calls = %+v, want two without MFA fields", f.Calls())
	}
}

// Over a whole cache lifecycle, through the early refresh, expiry and a
// rejected token, the code is sent once.
func TestACachedMFASessionCallsGetSessionTokenOnceInItsWholeLife(t *testing.T) {
	f := newFakeSTS(t, 2*time.Second)
	cache := credentials.NewCache(mfaSession(f))
	var mu sync.Mutex
	var warnings []error
	cache.OnRefreshFailure = func(_ context.Context, err error, _ time.Time) {
		mu.Lock()
		defer mu.Unlock()
		warnings = append(warnings, err)
	}
	if err := cache.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	var err error
	for deadline := time.Now().Add(4 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if err = cache.Refresh(context.Background()); err != nil {
			break
		}
	}
	assertSpent(t, err)
	cache.Invalidate()
	assertSpent(t, cache.Refresh(context.Background()))
	if n := len(f.Calls()); n != 1 {
		t.Errorf("%d GetSessionToken calls, want 1", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(warnings) > 1 {
		t.Errorf("%d warnings, want at most one", len(warnings))
	}
	for _, warning := range warnings {
		assertSpent(t, warning)
	}
}
