// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

// How a failed call is worded: what an error may quote, and what it says
// about whether the server may have acted.

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// wrongShapeSaying is an answer the SDK cannot decode (BindId is no
// number) whose text holds the SDK's separator, ", because: ", before
// temporary keys, as an STS answer's free text could.
const wrongShapeSaying = `{"Response": {"Note": "issued, because: policy allows", ` +
	`"Credentials": {"TmpSecretId": "AKIDtmp", "TmpSecretKey": "tmp-key", "Token": "tmp-token"}, "BindId": "one", "RequestId": "r"}}`

func callOnce(t *testing.T, body string, options ...tencentapi.Option) *tencentapi.Error {
	t.Helper()
	endpoint, _ := faultyServer(t, replyBody(body))
	client := testClient{tencentapi.NewClient("organization", tencentapi.Config{
		Credential: common.NewCredential("AKIDtest", "key"), Endpoint: endpoint,
	}, options...)}
	_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeMalformedResponse {
		t.Fatalf("err = %v, want %s", err, tencentapi.CodeMalformedResponse)
	}
	return callErr
}

func TestASensitiveClientsErrorNeverQuotesTheSDKsReason(t *testing.T) {
	callErr := callOnce(t, wrongShapeSaying, tencentapi.SensitiveResponses())
	for _, secret := range []string{"AKIDtmp", "tmp-key", "tmp-token", "policy allows", "cannot unmarshal"} {
		if strings.Contains(callErr.Error(), secret) || strings.Contains(callErr.Body, secret) {
			t.Errorf("%q (body %q) quotes %q from the answer or the SDK's reason", callErr.Error(), callErr.Body, secret)
		}
	}
}

func TestAnAnswerOfTheWrongShapeIsExplainedByWhatFollowsTheSDKsLastBecause(t *testing.T) {
	callErr := callOnce(t, wrongShapeSaying)
	if !strings.HasSuffix(callErr.Message, "documented shape: json: cannot unmarshal string into Go struct field .BindId of type uint64") {
		t.Errorf("Message = %q, want the decoder's reason alone", callErr.Message)
	}
}
