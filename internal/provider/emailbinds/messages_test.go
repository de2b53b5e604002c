// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"net/url"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func TestMemberUinsThatFailedToConnectAreOneErrorAndOthersAreStillListed(t *testing.T) {
	rc := testCalls()["DescribeOrganizationMemberEmailBind"]
	rc.Endpoint = acctest.ClosedURL(t)
	u, _ := url.Parse(rc.Endpoint)
	client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential("a", "b"), Endpoint: u})
	_, refused := client.DescribeOrganizationMemberEmailBind(t.Context(), 1)
	timedOut := &tencentapi.Error{Code: tencentapi.CodeTimeout, Message: "no complete response within 1s"}
	detail := endpointDownDetail([]organization.EmailBind{{MemberUin: 1, Err: refused}, {MemberUin: 2, Err: refused}}, 3, rc)
	for _, want := range []string{"2 of 3 members", "No connection could be made to " + rc.Endpoint, "(member 2, attempt 1)", "connection refused"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail lacks %q:\n%s", want, detail)
		}
	}
	if detail := endpointDownDetail([]organization.EmailBind{{MemberUin: 1, Err: refused}, {MemberUin: 2, Err: timedOut}}, 2, rc); detail != "" {
		t.Errorf("a timeout beside a refusal is collapsed into an endpoint error:\n%s", detail)
	}
}
