// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind

import (
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func TestSubCodesFallBackToTheirFamily(t *testing.T) {
	rc := Call(&conns.Client{Organization: organization.NewClient(tencentapi.Config{})}, 100033118139)
	for code, summary := range map[string]string{
		"UnauthorizedOperation.NotInWhiteList": "Not Authorized",
		"RequestLimitExceeded.SomethingNew":    "API Rate Limit Exceeded",
		"AuthFailure.SomethingNew":             "Authentication Failed",
		"ResourceNotFound.SomethingNew":        "Resource Not Found",
		"CompletelyUnknown":                    "Tencent Cloud API Error",
		"FailedOperation.SomethingNew":         "Operation Failed",
		"InvalidParameterValue.SomethingNew":   "Invalid Member UIN",
		"ServiceUnavailable.SomethingNew":      "Tencent Cloud Service Unavailable",
		"ResourceUnavailable.SomethingNew":     "Resource Unavailable",
		"InternalError.SomethingNew":           "Tencent Cloud Internal Error",
		"UnsupportedOperation.SomethingNew":    "Operation Not Supported",
		"LimitExceeded.SomethingNew":           "Quota Exceeded",
		"ResourceInsufficient.SomethingNew":    "Resource Insufficient",
		"InvalidParameter.SomethingNewAndOdd":  "Invalid Member UIN",
	} {
		d := explain.ReadError(&tencentapi.Error{Code: code, RequestID: "r"}, rc)
		if d.Summary() != summary {
			t.Errorf("%s: summary %q, want %q", code, d.Summary(), summary)
		}
	}
}
