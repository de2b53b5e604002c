// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// What tencentcloud_organization_member_email_binds says about the whole
// organization; each API error's own words are in the per-action tables.

const (
	summaryNothingToRead      = "Nothing to Read"
	summaryListingUnconfirmed = "Organization Listing Not Confirmed"
	summaryListingShort       = "Organization Listing Short of Its Total"
	summaryMembersUnread      = "Cannot Read Every Member's Email Binding"
	summaryMembersLeft        = "Members Left the Organization During the Read"
	summaryNoMembers          = "No Members Found"

	// namedAtMost is how many members one message names before counting the rest.
	namedAtMost = 20

	nothingToReadDetail = "member_uins skips the listing and reads just those members' email bindings, so with include_email_bind = false " +
		"there is nothing to read. Remove include_email_bind, or remove member_uins to read the listing."

	readCancelledDetail = "Reading the organization was stopped because Terraform was interrupted or cancelled the operation; nothing was stored."
)

// noMembersDetail explains an empty read, naming the filters that emptied
// it; required is whether require_members made it an error.
func noMembersDetail(filters []string, required bool) string {
	var b strings.Builder
	if len(filters) > 0 {
		fmt.Fprintf(&b, "No member of the organization matched %s, so members is empty and total is 0. "+
			"Check the values for typos (tag keys and values, and bind_status values, are case-sensitive), and that node_id and "+
			"node_name, when both are set, name the same unit.", strings.Join(filters, " and "))
	} else {
		b.WriteString("The organization's listing holds no member, so members is empty and total is 0. " +
			"Check that the credentials belong to the organization's management account or a delegated administrator.")
	}
	if required {
		b.WriteString(" require_members = true makes this an error, so that a policy never passes on an empty list.")
	} else {
		b.WriteString(" A policy over every member of an empty list passes, since alltrue([]) is true: set require_members = true " +
			"to make this an error, or assert length(members) > 0 in the policy.")
	}
	return b.String()
}

// membersUnreadDetail names each member that could not be read with its
// error code and RequestId, then explains each distinct code once.
func membersUnreadDetail(failed []organization.EmailBind, total int, context func(int64) explain.Call) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The email bindings of %d of %d members could not be read, so the data source returns nothing: "+
		"a policy check must not pass on a partial list.\n", len(failed), total)
	explained := map[string]bool{}
	var explanations []string
	for i, f := range failed {
		code, requestID, attempts := errorFacts(f.Err)
		if i < namedAtMost {
			fmt.Fprintf(&b, "\n  - member %d: %s, RequestId %s", f.MemberUin, code, orNone(requestID))
			if attempts > 1 {
				fmt.Fprintf(&b, ", after %d attempts", attempts)
			}
		}
		if !explained[code] {
			explained[code] = true
			summary, detail, _ := explain.Describe(f.Err, context(f.MemberUin))
			explanations = append(explanations, fmt.Sprintf("%s (%s), as for member %d: %s", code, summary, f.MemberUin, detail))
		}
	}
	if len(failed) > namedAtMost {
		fmt.Fprintf(&b, "\n  - and %d more members", len(failed)-namedAtMost)
	}
	b.WriteString("\n\n" + strings.Join(explanations, "\n\n"))
	return b.String()
}

// endpointDownDetail is the one explanation of a read whose bindings
// failed because the endpoint was taken for down, or could not be
// connected to on any member's last attempt (their retries ran out before
// the endpoint was taken for down), or "" otherwise: listing every member
// would bury the one cause under hundreds of lines.
func endpointDownDetail(failed []organization.EmailBind, total int, rc explain.Call) string {
	var last *tencentapi.Error
	var lastUin int64
	notConnected := len(failed) > 0
	for _, f := range failed {
		var callErr *tencentapi.Error
		if errors.As(f.Err, &callErr) && callErr.LocalCode() == tencentapi.CodeEndpointUnreachable {
			return fmt.Sprintf("The email bindings of %d of %d members could not be read, so the data source returns nothing.\n\n%s",
				len(failed), total, explain.EndpointUnreachableDetail(callErr, rc.Endpoint, rc.Endpoints.Organization))
		}
		notConnected = notConnected && callErr != nil && callErr.NotConnected()
		last, lastUin = callErr, f.MemberUin
	}
	if !notConnected {
		return ""
	}
	return fmt.Sprintf("The email bindings of %d of %d members could not be read, so the data source returns nothing.\n\n"+
		"No connection could be made to %s: every member's last attempt failed to connect. "+
		"The last error (member %d, attempt %d): %s.\n\n"+
		"The endpoint comes from %s. Check that it is the right URL and that the API, or the proxy, gateway or emulator "+
		"it names, is running and reachable from here (the proxy variables HTTPS_PROXY and NO_PROXY, a firewall, DNS).",
		len(failed), total, rc.Endpoint, lastUin, last.Attempts, last.Message, explain.SourceOrSettings(rc.Endpoints.Organization))
}

func errorFacts(err error) (code, requestID string, attempts int) {
	var callErr *tencentapi.Error
	if errors.As(err, &callErr) {
		return callErr.Code, callErr.RequestID, callErr.Attempts
	}
	return "unknown error", "", 0
}

func orNone(s string) string {
	if s == "" {
		return "none (no API response)"
	}
	return s
}

func membersLeftDetail(left []int64) string {
	return fmt.Sprintf("These members were seen during the read but had left the organization by its end: the confirmed listing "+
		"no longer shows them, or reading their email binding answered ResourceNotFound.OrganizationMemberNotExist. "+
		"They are not in members: %s. Every member the confirmed listing shows is. Run Terraform again for a fresh list.", namedUins(left))
}

// namedUins lists up to namedAtMost members, then counts the rest.
func namedUins(uins []int64) string {
	named := make([]string, 0, min(len(uins), namedAtMost))
	for _, uin := range uins[:min(len(uins), namedAtMost)] {
		named = append(named, fmt.Sprint(uin))
	}
	list := strings.Join(named, ", ")
	if len(uins) > namedAtMost {
		list += fmt.Sprintf(" and %d more", len(uins)-namedAtMost)
	}
	if list == "" {
		return "none"
	}
	return list
}

func listingUnconfirmedSummary(e *organization.ListingUnconfirmedError) string {
	if e.Short() {
		return summaryListingShort
	}
	return summaryListingUnconfirmed
}

// listingUnconfirmedDetail says what each listing held, who came and went,
// and what to do: wait for membership to settle, or, when the pages fall
// short of their own Total on every try, report the API.
func listingUnconfirmedDetail(e *organization.ListingUnconfirmedError, endpoint string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The organization was listed %d times and no two consecutive listings agreed, so no listing can be trusted to hold every member "+
		"and the data source returns nothing: a policy check must not pass on a partial list.\n", len(e.Listings))
	for i, l := range e.Listings {
		fmt.Fprintf(&b, "\n  - listing %d: Total %d, the pages read held %d members", i+1, l.Total, l.Held)
		if l.Problem != "" {
			fmt.Fprintf(&b, "; it stopped because %s (RequestId %s)", l.Problem, orNone(l.RequestID))
		}
	}
	switch {
	case e.Short():
		fmt.Fprintf(&b, "\n\nEvery listing stopped at a page holding fewer members than its own Total says it must: %s answers "+
			"DescribeOrganizationMembers with pages that do not add up to Total. If endpoints.organization points at a proxy or gateway, "+
			"check it; otherwise run Terraform again, and if it persists report it to Tencent Cloud support with the RequestIds above.", endpoint)
	case len(e.Came) > 0 || len(e.Went) > 0:
		fmt.Fprintf(&b, "\n\nMembers that appeared between listings: %s.\nMembers that disappeared between listings: %s.\n\n"+
			"Membership changed while the organization was listed. Run Terraform again once it has settled, such as after a batch of "+
			"invitations or removals completes.", namedUins(e.Came), namedUins(e.Went))
	default:
		b.WriteString("\n\nNo two consecutive listings were both complete, for the reasons above: members joined or left while the pages " +
			"were read, or the pages disagreed with their Total. Run Terraform again once membership has settled; if it persists, " +
			"report it to Tencent Cloud support with the RequestIds above.")
	}
	return b.String()
}
