// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// readContext is what a diagnostic about one API call may mention. It
// carries where the credential came from, never the credential.
type readContext struct {
	// action is the API action called, and codes its own error codes.
	action string
	codes  map[string]explanation
	// subject names what was being read, such as "member 100033118139".
	subject   string
	memberUin int64
	// memberArgument is where memberUin came from: "member_uin",
	// "member_uins", or the listing.
	memberArgument string
	sources        credentialSources
	endpoint       string
	// endpoints say where the endpoint, and STS's, came from, as in "the
	// environment variable TENCENTCLOUD_ORGANIZATION_ENDPOINT".
	endpoints endpointSources
	// attributes maps an explanation's attribute to the configuration
	// path the fix lies in; an attribute missing here is not attached.
	attributes map[string]path.Path
}

// explanation turns one API error code into words for a Terraform user.
// meaning and fix may use the placeholders {uin}, {member_argument}, {action}, {secret_id},
// {secret_key}, {token} (where each part of the credential came from) and
// {endpoint}.
type explanation struct {
	summary string
	meaning string
	fix     string
	// attribute names where the fix is, such as "member_uin" or "node",
	// for readContext.attributes to resolve.
	attribute string
}

// summaryReadCancelled is any read that Terraform interrupted.
const summaryReadCancelled = "Read Cancelled"

var unknownCode = explanation{
	summary: "Tencent Cloud API Error",
	meaning: "The API returned an error this provider does not know; its message below says what happened.",
	fix:     "If the message does not say what to change, contact Tencent Cloud support with the RequestId below.",
}

// missingToken replaces AuthFailure.TokenFailure when no token was given:
// the fix is to supply one, not to refresh it.
var missingToken = explanation{
	summary: "Missing Security Token",
	meaning: "The SecretId from {secret_id} belongs to a temporary credential, which is only accepted with its security token, and none was given.",
	fix:     "Set security_token (or " + envvar.SecurityToken + ") to the token issued with this credential, or use a permanent API key.",
}

// explain looks a code up in the action's own table, then the common one,
// then by its family (the part before the first dot) in both.
func explain(code string, rc readContext) explanation {
	if code == "AuthFailure.TokenFailure" && rc.sources.securityToken == "" {
		return missingToken
	}
	family, _, _ := strings.Cut(code, ".")
	for _, key := range []string{code, family} {
		if exp, ok := rc.codes[key]; ok {
			return exp
		}
		if exp, ok := commonCodes[key]; ok {
			return exp
		}
	}
	if family == "AuthFailure" {
		return authFailureFamily
	}
	return unknownCode
}

func (rc readContext) fill(text string) string {
	return strings.NewReplacer(
		"{uin}", fmt.Sprint(rc.memberUin),
		"{member_argument}", rc.memberArgument,
		"{action}", rc.action,
		"{secret_id}", rc.sources.secretID,
		"{secret_key}", rc.sources.secretKey,
		"{token}", rc.sources.securityToken,
		"{endpoint}", rc.endpoint,
	).Replace(text)
}

// readErrorDiagnostic explains a failed API call.
func readErrorDiagnostic(err error, rc readContext) diag.Diagnostic {
	summary, detail, attribute := describeFailure(err, rc)
	if p, ok := rc.attributes[attribute]; ok && attribute != "" {
		return diag.NewAttributeErrorDiagnostic(p, summary, detail)
	}
	return diag.NewErrorDiagnostic(summary, detail)
}

// describeFailure words a failed call: a summary, a detail with the cause,
// the fix, the code and the RequestId, and the attribute the fix lies in.
func describeFailure(err error, rc readContext) (summary, detail, attribute string) {
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) {
		return "Tencent Cloud API Call Failed", fmt.Sprintf("Reading %s from %s failed: %s. %s", rc.subject, rc.endpoint, err, fixReportBug), ""
	}
	switch callErr.LocalCode() {
	case tencentapi.CodeCancelled:
		return summaryReadCancelled, fmt.Sprintf("Reading %s was stopped before %s answered, because Terraform was interrupted or cancelled the operation.", rc.subject, rc.endpoint), ""
	case tencentapi.CodeTimeout:
		summary = "API Request Timed Out"
		detail = fmt.Sprintf("%s did not answer within request_timeout (%s) while reading %s. "+
			"Check the network path to the endpoint, or raise request_timeout if the endpoint is known to be slow.",
			rc.endpoint, callErr.Timeout, rc.subject)
	case tencentapi.CodeEndpointUnreachable:
		return summaryEndpointUnreachable, endpointUnreachableDetail(callErr, rc.endpoint, rc.endpoints.organization), ""
	case tencentapi.CodeNetworkError:
		summary = "Cannot Reach Tencent Cloud API"
		detail = fmt.Sprintf("The request to %s failed before an answer arrived: %s. "+
			"Check network access to the endpoint, the proxy variables HTTPS_PROXY and NO_PROXY, and %s, where the endpoint comes from.",
			rc.endpoint, callErr.Message, orUnknown(rc.endpoints.organization))
	case tencentapi.CodeHTTPStatus, tencentapi.CodeMalformedResponse:
		summary = "Unexpected API Response"
		detail = fmt.Sprintf("%s answered with something that is not a %s response: %s. "+
			"If endpoints.organization points at a proxy or gateway, check it; otherwise run Terraform again.",
			rc.endpoint, rc.action, callErr.Message)
		if callErr.Body != "" {
			detail += "\n\nThe response began: " + callErr.Body
		}
		if callErr.RequestID != "" {
			detail += "\n\nRequestId: " + callErr.RequestID
		}
	case tencentapi.CodeUnreadableResponse:
		summary = "Unreadable API Response"
		detail = fmt.Sprintf("%s answered %s while reading %s, but %s. The API answers in plain or gzip-compressed JSON, "+
			"so a proxy or gateway may have changed the answer or cut it short: if endpoints.organization points at one, check it; "+
			"otherwise run Terraform again.", rc.endpoint, rc.action, rc.subject, callErr.Message)
	case tencentapi.CodeRedirect:
		summary = "API Request Redirected"
		detail = fmt.Sprintf("%s answered %s with HTTP %d, a redirect to %s. The provider never follows a redirect, "+
			"so that no signed request or security token is sent to another host. "+
			"Point endpoints.organization (or protocol and domain) at the API itself rather than at an address that redirects, "+
			"such as an http:// URL that redirects to https://, or fix the proxy or gateway that redirects.",
			rc.endpoint, rc.action, callErr.HTTPStatus, redirectTarget(callErr))
	case tencentapi.CodeCredentialError:
		summary = summaryCredentialFailed
		detail = credentialFailedDetail(errors.Unwrap(callErr), rc.endpoints.sts)
	case tencentapi.CodeRequestFailed:
		summary = "Tencent Cloud API Call Failed"
		detail = fmt.Sprintf("The request to %s could not be made: %s. %s", rc.endpoint, callErr.Message, fixReportBug)
	default:
		exp := explain(callErr.Code, rc)
		summary, attribute = exp.summary, exp.attribute
		detail = fmt.Sprintf("%s %s\n\nError code: %s\nMessage: %s\nRequestId: %s",
			rc.fill(exp.meaning), rc.fill(exp.fix), callErr.Code, callErr.Message, callErr.RequestID)
	}
	return summary, detail + attemptsNote(callErr), attribute
}

// redirectTarget names where a refused redirect pointed: its host only,
// since the URL's query could carry secrets.
func redirectTarget(e *tencentapi.Error) string {
	if e.RedirectHost == "" {
		return "no usable Location"
	}
	return "the host " + e.RedirectHost
}

// attemptsNote says how hard the provider tried, when it retried at all.
// More retries are advised only where waiting longer can help: not for an
// endpoint that refused every connection, which is wrong or down.
func attemptsNote(e *tencentapi.Error) string {
	if e.Attempts <= 1 {
		return ""
	}
	note := fmt.Sprintf("\n\nThe provider gave up after %d attempts (%d retries) over %s.",
		e.Attempts, e.Attempts-1, e.Elapsed.Round(10*time.Millisecond))
	switch {
	case e.NotConnected():
		note += " No attempt could connect: check that the endpoint is right and running rather than retrying longer."
	case e.Retryable():
		note += " Raise max_retries to keep trying longer."
	}
	return note
}

// summaryEndpointUnreachable is a read ended because the endpoint refused
// every connection for a while, across all of the provider's reads.
const summaryEndpointUnreachable = "Tencent Cloud API Endpoint Unreachable"

// endpointUnreachableDetail explains an endpoint taken for down: which
// one, where its value came from, what failed, and for how long. Waiting
// longer is no fix, so it never advises more retries.
func endpointUnreachableDetail(e *tencentapi.Error, endpoint, source string) string {
	outage := e.Outage
	if outage == nil {
		outage = &tencentapi.Outage{LastError: e.Message}
	}
	return fmt.Sprintf("No connection could be made to %s: %d attempts in a row, across all of this provider's reads, "+
		"failed to connect over %s, with no answer in between, so the provider took the endpoint for down and stopped "+
		"every read at once. The last error: %s.\n\n"+
		"The endpoint comes from %s. Check that it is the right URL and that the API, or the proxy, gateway or emulator "+
		"it names, is running and reachable from here (the proxy variables HTTPS_PROXY and NO_PROXY, a firewall, DNS).",
		endpoint, outage.Failures, outage.Duration.Round(10*time.Millisecond), outage.LastError, orUnknown(source))
}

// orUnknown is a source, or words for one not recorded.
func orUnknown(source string) string {
	if source == "" {
		return "the provider's endpoint settings (endpoints, protocol and domain)"
	}
	return source
}
