// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package explain

import (
	"errors"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// SummaryReadCancelled is any read that Terraform interrupted.
const SummaryReadCancelled = "Read Cancelled"

// ReadError explains a failed API call.
func ReadError(err error, rc Call) diag.Diagnostic {
	summary, detail, attribute := Describe(err, rc)
	if p, ok := rc.Attributes[attribute]; ok && attribute != "" {
		return diag.NewAttributeErrorDiagnostic(p, summary, detail)
	}
	return diag.NewErrorDiagnostic(summary, detail)
}

// Describe words a failed call: a summary, a detail with the cause,
// the fix, the code and the RequestId, and the attribute the fix lies in.
func Describe(err error, rc Call) (summary, detail, attribute string) {
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) {
		return "Tencent Cloud API Call Failed", fmt.Sprintf("Reading %s from %s failed: %s. %s", rc.Subject, rc.Endpoint, err, fixReportBug), ""
	}
	switch callErr.LocalCode() {
	case tencentapi.CodeCancelled:
		return SummaryReadCancelled, fmt.Sprintf("Reading %s was stopped before %s answered, because Terraform was interrupted or cancelled the operation.", rc.Subject, rc.Endpoint), ""
	case tencentapi.CodeTimeout:
		summary = "API Request Timed Out"
		detail = fmt.Sprintf("%s did not answer within request_timeout (%s) while reading %s. "+
			"Check the network path to the endpoint, or raise request_timeout if the endpoint is known to be slow.",
			rc.Endpoint, callErr.Timeout, rc.Subject)
	case tencentapi.CodeEndpointUnreachable:
		return SummaryEndpointUnreachable, EndpointUnreachableDetail(callErr, rc.Endpoint, rc.Endpoints.Organization), ""
	case tencentapi.CodeNetworkError:
		summary = "Cannot Reach Tencent Cloud API"
		detail = fmt.Sprintf("The request to %s failed before an answer arrived: %s. "+
			"Check network access to the endpoint, the proxy variables HTTPS_PROXY and NO_PROXY, and %s, where the endpoint comes from.",
			rc.Endpoint, callErr.Message, SourceOrSettings(rc.Endpoints.Organization))
	case tencentapi.CodeHTTPStatus, tencentapi.CodeMalformedResponse:
		summary = "Unexpected API Response"
		detail = fmt.Sprintf("%s answered with something that is not a %s response: %s. "+
			"If endpoints.organization points at a proxy or gateway, check it; otherwise run Terraform again.",
			rc.Endpoint, rc.Action, callErr.Message)
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
			"otherwise run Terraform again.", rc.Endpoint, rc.Action, rc.Subject, callErr.Message)
	case tencentapi.CodeRedirect:
		summary = "API Request Redirected"
		detail = fmt.Sprintf("%s answered %s with HTTP %d, a redirect to %s. The provider never follows a redirect, "+
			"so that no signed request or security token is sent to another host. "+
			"Point endpoints.organization (or protocol and domain) at the API itself rather than at an address that redirects, "+
			"such as an http:// URL that redirects to https://, or fix the proxy or gateway that redirects.",
			rc.Endpoint, rc.Action, callErr.HTTPStatus, redirectTarget(callErr))
	case tencentapi.CodeCredentialError:
		summary = SummaryCredentialFailed
		detail = CredentialFailedDetail(errors.Unwrap(callErr), rc.Endpoints.STS)
	case tencentapi.CodeRequestFailed:
		summary = "Tencent Cloud API Call Failed"
		detail = fmt.Sprintf("The request to %s could not be made: %s. %s", rc.Endpoint, callErr.Message, fixReportBug)
	default:
		exp := lookup(callErr.Code, rc)
		summary, attribute = exp.Summary, exp.Attribute
		detail = fmt.Sprintf("%s %s\n\nError code: %s\nMessage: %s\nRequestId: %s",
			rc.fill(exp.Meaning), rc.fill(exp.Fix), callErr.Code, callErr.Message, callErr.RequestID)
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

// SummaryEndpointUnreachable is a read ended because the endpoint refused
// every connection for a while, across all of the provider's reads.
const SummaryEndpointUnreachable = "Tencent Cloud API Endpoint Unreachable"

// EndpointUnreachableDetail explains an endpoint taken for down: which
// one, where its value came from, what failed, and for how long. Waiting
// longer is no fix, so it never advises more retries.
func EndpointUnreachableDetail(e *tencentapi.Error, endpoint, source string) string {
	outage := e.Outage
	if outage == nil {
		outage = &tencentapi.Outage{LastError: e.Message}
	}
	return fmt.Sprintf("No connection could be made to %s: %d attempts in a row, across all of this provider's reads, "+
		"failed to connect over %s, with no answer in between, so the provider took the endpoint for down and stopped "+
		"every read at once. The last error: %s.\n\n"+
		"The endpoint comes from %s. Check that it is the right URL and that the API, or the proxy, gateway or emulator "+
		"it names, is running and reachable from here (the proxy variables HTTPS_PROXY and NO_PROXY, a firewall, DNS).",
		endpoint, outage.Failures, outage.Duration.Round(10*time.Millisecond), outage.LastError, SourceOrSettings(source))
}
