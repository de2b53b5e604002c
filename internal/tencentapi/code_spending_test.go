// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// codeRequest carries a single-use code, as GetSessionToken does.
type codeRequest struct {
	*testRequest
}

func (codeRequest) SpendsCode() bool { return true }

// callSpendingACode sends a code-spending request to a server that answers
// its first attempt with first and every later one with okBody, and
// returns the number of attempts that reached it and the call's error.
func callSpendingACode(t *testing.T, first func(http.ResponseWriter), timeout time.Duration) (int32, error) {
	t.Helper()
	var count atomic.Int32
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if count.Add(1) == 1 {
			first(w)
			return
		}
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	client := tencentapi.NewClient("sts", tencentapi.Config{
		Credential: common.NewCredential("AKIDbase", "base-key"), Endpoint: u, MaxRetries: 3, Timeout: timeout,
		RetryBaseDelay: time.Millisecond, RetryMaxDelay: time.Millisecond,
	})
	memberUin := int64(1)
	request := codeRequest{&testRequest{BaseRequest: &tchttp.BaseRequest{}, MemberUin: &memberUin}}
	request.Init().WithApiInfo("sts", "2018-08-13", "GetSessionToken")
	err := client.Call(context.Background(), request, &testResponse{BaseResponse: &tchttp.BaseResponse{}})
	return count.Load(), err
}

func TestARequestSpendingACodeIsNotSentAgainAfterTheServerMayHaveActedOnIt(t *testing.T) {
	for name, first := range map[string]func(http.ResponseWriter){
		"a temporary service error": func(w http.ResponseWriter) { _, _ = w.Write([]byte(apiErrorBody("InternalError.SystemError"))) },
		"a gateway error page":      func(w http.ResponseWriter) { w.WriteHeader(http.StatusBadGateway) },
		"an answer after the timeout": func(w http.ResponseWriter) {
			time.Sleep(300 * time.Millisecond)
			_, _ = w.Write([]byte(okBody))
		},
	} {
		t.Run(name, func(t *testing.T) {
			attempts, err := callSpendingACode(t, first, 100*time.Millisecond)
			if err == nil || attempts != 1 {
				t.Errorf("err = %v after %d attempts, want the first failure and no second attempt", err, attempts)
			}
		})
	}
}

func TestARequestSpendingACodeIsSentAgainAfterARefusalBeforeTheServerActed(t *testing.T) {
	attempts, err := callSpendingACode(t, func(w http.ResponseWriter) {
		_, _ = w.Write([]byte(apiErrorBody("RequestLimitExceeded")))
	}, time.Second)
	if err != nil || attempts != 2 {
		t.Errorf("err = %v after %d attempts, want success on the second", err, attempts)
	}
}
