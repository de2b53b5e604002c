// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// What tencentcloud_organization_member_email_binds says about the whole
// organization; each API error's own words are in the per-action tables.

const (
	summaryNothingToRead       = "Nothing to Read"
	summaryListingInconsistent = "Organization Changed While Listed"
	summaryMembersUnread       = "Cannot Read Every Member's Email Binding"
	summaryMembersLeft         = "Members Left the Organization During the Read"

	// namedAtMost is how many members one message names before counting the rest.
	namedAtMost = 20

	nothingToReadDetail = "member_uins skips the listing and reads just those members' email bindings, so with include_email_bind = false " +
		"there is nothing to read. Remove include_email_bind, or remove member_uins to read the listing."

	listingInconsistentDetail = "Members joined or left the organization while its pages were read, and again while it was listed a second time, " +
		"so no listing is a consistent picture of it. members holds every member either listing saw (members that had left by the time " +
		"their binding was read are dropped), and listing_consistent is false. Run Terraform again once membership has settled."
)

func readCancelledDetail(members int) string {
	return fmt.Sprintf("Reading the email bindings of %d members was stopped because Terraform was interrupted or cancelled the operation; nothing was stored.", members)
}

// membersUnreadDetail names each member that could not be read with its
// error code and RequestId, then explains each distinct code once.
func membersUnreadDetail(failed []organization.EmailBind, total int, context func(int64) readContext) string {
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
			summary, detail, _ := describeFailure(f.Err, context(f.MemberUin))
			explanations = append(explanations, fmt.Sprintf("%s (%s), as for member %d: %s", code, summary, f.MemberUin, detail))
		}
	}
	if len(failed) > namedAtMost {
		fmt.Fprintf(&b, "\n  - and %d more members", len(failed)-namedAtMost)
	}
	b.WriteString("\n\n" + strings.Join(explanations, "\n\n"))
	return b.String()
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
	named := make([]string, 0, min(len(left), namedAtMost))
	for _, uin := range left[:min(len(left), namedAtMost)] {
		named = append(named, fmt.Sprint(uin))
	}
	list := strings.Join(named, ", ")
	if len(left) > namedAtMost {
		list += fmt.Sprintf(" and %d more", len(left)-namedAtMost)
	}
	return fmt.Sprintf("These members were listed, but had left the organization (ResourceNotFound.OrganizationMemberNotExist) by the time "+
		"their email binding was read, so they are not in members: %s. Run Terraform again for a fresh list.", list)
}
