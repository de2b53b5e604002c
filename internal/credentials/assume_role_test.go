// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// writeAssumedRole answers AssumeRole with an hour-long temporary credential.
func writeAssumedRole(w http.ResponseWriter) {
	_, _ = fmt.Fprintf(w, `{"Response": {"Credentials": {"TmpSecretId": "AKIDtmp1", "TmpSecretKey": "tmp-key", "Token": "tmp-token"},`+
		` "ExpiredTime": %d, "RequestId": "sts-ok"}}`, time.Now().Add(time.Hour).Unix())
}

func TestSTSRedirectIsRefusedWithoutSendingTheCall(t *testing.T) {
	var reached atomic.Int32
	target := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		reached.Add(1)
		writeAssumedRole(w)
	}))
	defer target.Close()
	source := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, target.URL+"/?x=query-secret", http.StatusTemporaryRedirect)
	}))
	defer source.Close()

	_, err := assumeRole(source.URL).Retrieve(context.Background())
	if err == nil {
		t.Fatal("AssumeRole followed the redirect")
	}
	host := strings.TrimPrefix(target.URL, "http://")
	if !strings.Contains(err.Error(), "redirect to the host "+host) || strings.Contains(err.Error(), "query-secret") {
		t.Errorf("error %q must name the host and not the URL's query", err)
	}
	if reached.Load() != 0 {
		t.Errorf("the redirect's target received %d AssumeRole calls", reached.Load())
	}
}
