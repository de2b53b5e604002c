// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"strings"
	"testing"

	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
)

// The SDK declares InvalidParameter.OverLimit ("exceeds the rate limit")
// for AssumeRole, AssumeRoleWithSAML and AssumeRoleWithWebIdentity, and
// AssumeRole declares no RequestLimitExceeded; other actions answer the
// common code.
func TestEachSTSActionIsThrottledWithTheCodeItDeclares(t *testing.T) {
	_, _, endpoints := startOnFakeClock(t, strings.Replace(identityWorld, "{", `{"rate_limit": 1,`, 1))
	sts := endpoints.STS
	for _, tt := range []struct {
		action string
		send   func() *tcerr.TencentCloudSDKError
		code   string
	}{
		{"AssumeRole", func() *tcerr.TencentCloudSDKError {
			_, apiErr := assumeRole(t, sts, adminCred, map[string]any{"RoleArn": auditorRole, "RoleSessionName": "audit-run"})
			return apiErr
		}, "InvalidParameter.OverLimit"},
		{"AssumeRoleWithWebIdentity", func() *tcerr.TencentCloudSDKError {
			_, apiErr := callUnsigned(t, sts, nil, "AssumeRoleWithWebIdentity", webIdentity(nil))
			return apiErr
		}, "InvalidParameter.OverLimit"},
		{"AssumeRoleWithSAML", func() *tcerr.TencentCloudSDKError {
			_, apiErr := callUnsigned(t, sts, nil, "AssumeRoleWithSAML", saml(nil))
			return apiErr
		}, "InvalidParameter.OverLimit"},
		{"GetCallerIdentity", func() *tcerr.TencentCloudSDKError {
			_, apiErr := callerIdentity(t, sts, adminCred)
			return apiErr
		}, "RequestLimitExceeded"},
	} {
		t.Run(tt.action, func(t *testing.T) {
			if apiErr := tt.send(); apiErr != nil {
				t.Fatalf("the first call of the second: %v", apiErr)
			}
			apiErr := tt.send()
			if apiErr == nil || apiErr.Code != tt.code || !strings.Contains(apiErr.Message, "rate") {
				t.Errorf("the second call of the second: %v, want %s", apiErr, tt.code)
			}
		})
	}
}
