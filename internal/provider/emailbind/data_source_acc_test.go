// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

var requestIDPattern = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func TestAccBoundMemberHasEveryField(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	requestIDsDiffer := statecheck.CompareValue(compare.ValuesDiffer())
	config := acctest.ProviderBlock(endpoints.Organization) + acctest.DataSourceBlock("100033118139")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					acctest.ExpectAttribute("id", knownvalue.StringExact("100033118139")),
					acctest.ExpectAttribute("member_uin", knownvalue.Int64Exact(100033118139)),
					// 2^53+1: exact only if no float64 sits anywhere on the path.
					acctest.ExpectAttribute("bind_id", knownvalue.Int64Exact(9007199254740993)),
					acctest.ExpectAttribute("apply_time", knownvalue.StringExact("2022-01-13 12:09:08")),
					acctest.ExpectAttribute("email", knownvalue.StringExact("123@qq.com")),
					acctest.ExpectAttribute("phone", knownvalue.StringExact("18***32")),
					acctest.ExpectAttribute("bind_status", knownvalue.StringExact("Success")),
					acctest.ExpectAttribute("bind_time", knownvalue.StringExact("2022-01-13 18:09:08")),
					acctest.ExpectAttribute("description", knownvalue.StringExact("success")),
					acctest.ExpectAttribute("phone_bind", knownvalue.Int64Exact(1)),
					acctest.ExpectAttribute("country_code", knownvalue.StringExact("86")),
					acctest.ExpectAttribute("request_id", knownvalue.StringRegexp(requestIDPattern)),
					requestIDsDiffer.AddStateValue(acctest.DataSourceAddress, tfjsonpath.New("request_id")),
				},
				Check: resource.TestCheckResourceAttrWith(acctest.DataSourceAddress, "request_id", func(got string) error {
					for _, r := range srv.Requests() {
						if r.RequestID == got {
							return nil
						}
					}
					return fmt.Errorf("request_id %s was not issued by the emulator", got)
				}),
			},
			{
				// A second read gets a new RequestId: it is per call, not per member.
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					requestIDsDiffer.AddStateValue(acctest.DataSourceAddress, tfjsonpath.New("request_id")),
				},
			},
		},
	})
}

func TestAccUnboundMemberLeavesAbsentFieldsNull(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(endpoints.Organization) + acctest.DataSourceBlock("100033118140"),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectAttribute("bind_status", knownvalue.StringExact("Unbound")),
				acctest.ExpectAttribute("phone_bind", knownvalue.Int64Exact(0)),
				acctest.ExpectAttribute("bind_id", knownvalue.Null()),
				acctest.ExpectAttribute("apply_time", knownvalue.Null()),
				acctest.ExpectAttribute("email", knownvalue.Null()),
				acctest.ExpectAttribute("phone", knownvalue.Null()),
				acctest.ExpectAttribute("bind_time", knownvalue.Null()),
				acctest.ExpectAttribute("description", knownvalue.Null()),
				acctest.ExpectAttribute("country_code", knownvalue.Null()),
				acctest.ExpectAttribute("request_id", knownvalue.StringRegexp(requestIDPattern)),
			},
		}},
	})
}

func TestAccExplicitNullsStayNullAndEmptyStringsStayEmpty(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(endpoints.Organization) + acctest.DataSourceBlock("100033118141"),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectAttribute("bind_status", knownvalue.StringExact("Valid")),
				acctest.ExpectAttribute("description", knownvalue.StringExact("")),
				acctest.ExpectAttribute("bind_id", knownvalue.Null()),
				acctest.ExpectAttribute("phone_bind", knownvalue.Null()),
				acctest.ExpectAttribute("email", knownvalue.Null()),
				acctest.ExpectAttribute("country_code", knownvalue.Null()),
			},
		}},
	})
}

func TestAccIntegerTooLargeForTerraformIsAnError(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:      acctest.ProviderBlock(endpoints.Organization) + acctest.DataSourceBlock("100033118142"),
			ExpectError: acctest.ErrorMatching("API Value Out of Range", "bind_id = 18446744073709551615", "does not fit in a Terraform number of type Int64"),
		}},
	})
}

func TestAccMemberUinKnownOnlyAtApply(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlock(endpoints.Organization) + `
resource "terraform_data" "uin" {
  input = 100033118139
}
` + acctest.DataSourceBlock("terraform_data.uin.output"),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{
					plancheck.ExpectUnknownValue(acctest.DataSourceAddress, tfjsonpath.New("email")),
					plancheck.ExpectUnknownValue(acctest.DataSourceAddress, tfjsonpath.New("member_uin")),
					noRequestsYet{srv},
				},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectAttribute("member_uin", knownvalue.Int64Exact(100033118139)),
				acctest.ExpectAttribute("email", knownvalue.StringExact("123@qq.com")),
			},
		}},
	})
}

// TestAccInvalidMemberUin covers every way a number can fail to be a UIN,
// fractions and numbers beyond int64 included, which the framework would
// otherwise report as a provider bug.
func TestAccInvalidMemberUin(t *testing.T) {
	for uin, shown := range map[string]string{"0": "0", "-5": "-5", "1.5": "1.5", "1e20": "1e+20", "1e400": "1e+400", "9223372036854775808": "9223372036854775808"} {
		t.Run(uin, func(t *testing.T) {
			srv, endpoints := acctest.StartEmulator(t, acctest.World)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderBlock(endpoints.Organization) + acctest.DataSourceBlock(uin),
					ExpectError: acctest.ErrorMatching("Invalid Whole Number", "member_uin = "+uin,
						"member_uin must be a member account's UIN, a whole number from 1 to 9223372036854775807, but it is "+shown),
				}},
			})
			if n := len(srv.Requests()); n != 0 {
				t.Errorf("an invalid member_uin reached the API %d times", n)
			}
		})
	}
}

func TestAccAPIErrorsFromEmulator(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	tests := []struct {
		name      string
		arguments string
		memberUin string
		want      *regexp.Regexp
	}{
		{
			name:      "member not found",
			arguments: `secret_id = "AKIDadmin"` + "\n" + `secret_key = "admin-key"`,
			memberUin: "100000000404",
			want: acctest.ErrorMatching("Error: Organization Member Not Found", "member_uin = 100000000404",
				"Account 100000000404 is not a member", "Error code: ResourceNotFound.OrganizationMemberNotExist", "RequestId: "),
		},
		{
			name:      "organization not found",
			arguments: `secret_id = "AKIDloner"` + "\n" + `secret_key = "loner-key"`,
			memberUin: "100033118139",
			want: acctest.ErrorMatching("Caller Is Not in an Organization", "SecretId from the provider argument secret_id does not belong",
				"ResourceNotFound.OrganizationNotExist", "RequestId: "),
		},
		{
			name:      "wrong secret key",
			arguments: `secret_id = "AKIDadmin"` + "\n" + `secret_key = "not-the-key"`,
			memberUin: "100033118139",
			want: acctest.ErrorMatching("Invalid Secret Key", "the SecretKey from the provider argument secret_key does not belong to the SecretId from the provider argument secret_id",
				"AuthFailure.SignatureFailure", "RequestId: "),
		},
		{
			name:      "unknown secret id",
			arguments: `secret_id = "AKIDnobody"` + "\n" + `secret_key = "x"`,
			memberUin: "100033118139",
			want:      acctest.ErrorMatching("Unknown Secret ID", "SecretId from the provider argument secret_id does not exist", "AuthFailure.SecretIdNotFound"),
		},
		{
			name:      "temporary credential without token",
			arguments: `secret_id = "AKIDtemp"` + "\n" + `secret_key = "temp-key"`,
			memberUin: "100033118139",
			want:      acctest.ErrorMatching("Missing Security Token", "SecretId from the provider argument secret_id belongs to a temporary credential", "AuthFailure.TokenFailure"),
		},
		{
			name:      "temporary credential with wrong token",
			arguments: `secret_id = "AKIDtemp"` + "\n" + `secret_key = "temp-key"` + "\n" + `security_token = "stale"`,
			memberUin: "100033118139",
			want:      acctest.ErrorMatching("Invalid Security Token", "security token from the provider argument security_token is invalid", "AuthFailure.TokenFailure"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      acctest.ProviderBlockWith(endpoints.Organization, tt.arguments) + acctest.DataSourceBlock(tt.memberUin),
					ExpectError: tt.want,
				}},
			})
		})
	}
}

// TestAccAPIErrorsFromCannedResponses covers answers the emulator has no
// reason to give, with a server per case that replies with a fixed body.
func TestAccAPIErrorsFromCannedResponses(t *testing.T) {
	apiError := func(code string) string {
		return `{"Response": {"Error": {"Code": "` + code + `", "Message": "canned message"}, "RequestId": "req-` + code + `"}}`
	}
	tests := []struct {
		name   string
		status int
		body   string
		want   *regexp.Regexp
	}{
		{"cam denies the action", 200, apiError("UnauthorizedOperation"),
			acctest.ErrorMatching("Not Authorized", "not allowed to call organization:DescribeOrganizationMemberEmailBind", "Message: canned message", "RequestId: req-UnauthorizedOperation")},
		{"auth sub-code", 200, apiError("AuthFailure.UnauthorizedOperation"),
			acctest.ErrorMatching("Not Authorized", "organization:DescribeOrganizationMemberEmailBind")},
		{"clock skew", 200, apiError("AuthFailure.SignatureExpire"),
			acctest.ErrorMatching("Request Signature Expired", "Synchronize this machine's clock")},
		{"throttled", 200, apiError("RequestLimitExceeded.UinLimitExceeded"),
			acctest.ErrorMatching("API Rate Limit Exceeded", "20 requests per second", "RequestLimitExceeded.UinLimitExceeded")},
		{"internal error", 200, apiError("InternalError"),
			acctest.ErrorMatching("Tencent Cloud Internal Error", "Run Terraform again in a moment", "RequestId: req-InternalError")},
		{"wrong endpoint", 200, apiError("InvalidAction"),
			acctest.ErrorMatching("API Not Available at Endpoint", "endpoints.organization")},
		{"documented business code", 200, apiError("FailedOperation.EmailBindRecordInvalid"),
			acctest.ErrorMatching("Email Binding Record Invalid", "FailedOperation.EmailBindRecordInvalid", "canned message")},
		{"unknown code", 200, apiError("SomethingNew"),
			acctest.ErrorMatching("Tencent Cloud API Error", "SomethingNew", "canned message", "RequestId: req-SomethingNew")},
		{"gateway page", 502, "<html><body>502 Bad Gateway</body></html>",
			acctest.ErrorMatching("Unexpected API Response", "HTTP status 502", "The response began: <html><body>502 Bad Gateway")},
		{"no envelope", 200, `{"Result": "ok"}`,
			acctest.ErrorMatching("Unexpected API Response", `has no "Response" object`, `The response began: {"Result": "ok"}`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.WriteHeader(tt.status)
				_, _ = w.Write([]byte(tt.body))
			}))
			t.Cleanup(ts.Close)
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: acctest.ProviderBlockWith(ts.URL, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  max_retries = 0`) + acctest.DataSourceBlock("100033118139"),
					ExpectError: tt.want,
				}},
			})
		})
	}
}

func TestAccUnreachableEndpoint(t *testing.T) {
	endpoint := acctest.ClosedURL(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlockWith(endpoint, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  max_retries = 2`) + acctest.DataSourceBlock("100033118139"),
			ExpectError: acctest.ErrorMatching("Cannot Reach Tencent Cloud API", endpoint, "connection refused", "gave up after 3 attempts (2 retries)"),
		}},
	})
}

// TestAccLive reads a real member when real credentials are given:
// TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_LIVE_MEMBER_UIN.
func TestAccLive(t *testing.T) {
	memberUin := acctest.Live(envvar.LiveMemberUin)
	if acctest.Live(envvar.SecretID) == "" || acctest.Live(envvar.SecretKey) == "" || memberUin == "" {
		t.Skip("set TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and TENCENTCLOUD_LIVE_MEMBER_UIN to read a real member")
	}
	acctest.RestoreLive(t)
	uin, err := strconv.ParseInt(memberUin, 10, 64)
	if err != nil {
		t.Fatalf("TENCENTCLOUD_LIVE_MEMBER_UIN: %v", err)
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderFromEnvironment + acctest.DataSourceBlock(memberUin),
			ConfigStateChecks: []statecheck.StateCheck{
				acctest.ExpectAttribute("member_uin", knownvalue.Int64Exact(uin)),
				acctest.ExpectAttribute("request_id", knownvalue.NotNull()),
			},
		}},
	})
}

// noRequestsYet asserts that planning did not call the API: a read whose
// member_uin is unknown must wait for apply.
type noRequestsYet struct{ srv *emulator.Server }

func (c noRequestsYet) CheckPlan(_ context.Context, _ plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	if n := len(c.srv.Requests()); n != 0 {
		resp.Error = fmt.Errorf("the plan called the API %d times before member_uin was known", n)
	}
}
