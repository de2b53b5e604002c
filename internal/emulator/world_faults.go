// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"fmt"
	"strings"
	"time"
)

// Fault kinds, each a way real networks and gateways fail, or a way an
// organization changes under a client that is paging through it.
const (
	FaultInternalError = "internal_error" // the API's InternalError
	FaultBadGateway    = "bad_gateway"    // HTTP 502 with an HTML page, as a gateway sends
	FaultMalformedJSON = "malformed_json" // well-formed JSON of the wrong shape for the action
	FaultTruncatedJSON = "truncated_json" // a success response of the action cut in half
	FaultReset         = "reset"          // the TCP connection reset before any answer
	FaultDelay         = "delay"          // the normal answer, after Delay
	FaultMemberLeaves  = "member_leaves"  // MemberUin leaves its organization after page AfterPage
	FaultMemberJoins   = "member_joins"   // Member joins the paged organization after page AfterPage
	FaultThrottled     = "throttled"      // RequestLimitExceeded, as when the account's budget is spent elsewhere
	// FaultListingShort leaves the last member out of a listing page while
	// Total still counts it.
	FaultListingShort = "listing_short"
	// FaultListingTotalBonus adds Bonus to a listing page's Total, which the
	// pages then never reach.
	FaultListingTotalBonus = "listing_total_bonus"
	// FaultListingTotalDeficit takes Deficit off a listing page's Total
	// (never below 0), so the pages hold more members than Total says:
	// when the difference is a whole number of pages, every page Total
	// accounts for is exactly as full as Total says.
	FaultListingTotalDeficit = "listing_total_deficit"
	// FaultMemberChurn makes a new member join before every listing but the
	// first (a DescribeOrganizationMembers request at Offset 0): a copy of
	// Member whose uin grows by one each time, so no two listings agree.
	FaultMemberChurn = "member_churn"
	// FaultError answers Action with Code, which the SDK must declare for
	// that action or which must be a common API 3.0 code.
	FaultError = "error"
)

// faultKinds are the kinds a world's fault may name.
var faultKinds = []string{
	FaultInternalError, FaultBadGateway, FaultMalformedJSON, FaultTruncatedJSON, FaultReset, FaultDelay, FaultThrottled, FaultError,
	FaultMemberLeaves, FaultMemberJoins, FaultMemberChurn, FaultListingShort, FaultListingTotalBonus,
	FaultListingTotalDeficit,
}

// listingFaults change listing pages rather than answer in their place.
var listingFaults = map[string]bool{FaultListingShort: true, FaultListingTotalBonus: true, FaultListingTotalDeficit: true}

// Fault makes the emulator misbehave on purpose.
type Fault struct {
	Kind string `json:"kind"`
	// Action limits the fault to requests of one action; empty matches every action.
	Action string `json:"action,omitempty"`
	// MemberUin limits the fault to email-bind requests for one member (zero
	// matches every request), or names the member that leaves.
	MemberUin int64 `json:"member_uin,omitempty"`
	// Count is how many matching requests get the fault; zero means all of them.
	Count int `json:"count,omitempty"`
	// Delay is how long a delay fault holds the answer, as a Go duration such as "2s".
	Delay string `json:"delay,omitempty"`
	// AfterPage is the 1-based count of DescribeOrganizationMembers pages the
	// server has answered after which a member leaves or joins.
	AfterPage int `json:"after_page,omitempty"`
	// Member is the member that joins, or member_churn's first joiner.
	Member *Member `json:"member,omitempty"`
	// Bonus is what listing_total_bonus adds to Total.
	Bonus uint64 `json:"bonus,omitempty"`
	// Deficit is what listing_total_deficit takes off Total.
	Deficit uint64 `json:"deficit,omitempty"`
	// Code is the error code an error fault answers with.
	Code string `json:"code,omitempty"`
}

// validate checks a fault against membership, which it updates with the
// members that faults make join or leave so that no two faults move one uin.
func (f Fault) validate(membership *membership) error {
	if f.Count < 0 || f.MemberUin < 0 || f.AfterPage < 0 {
		return fmt.Errorf("count, member_uin and after_page must not be negative")
	}
	if f.Bonus != 0 && f.Kind != FaultListingTotalBonus {
		return fmt.Errorf("bonus applies only to kind %q", FaultListingTotalBonus)
	}
	if f.Deficit != 0 && f.Kind != FaultListingTotalDeficit {
		return fmt.Errorf("deficit applies only to kind %q", FaultListingTotalDeficit)
	}
	if f.Code != "" && f.Kind != FaultError {
		return fmt.Errorf("code applies only to kind %q", FaultError)
	}
	switch f.Kind {
	case FaultMemberLeaves, FaultMemberJoins:
		return f.validateMembershipChange(membership)
	case FaultMemberChurn:
		return f.validateChurn(membership)
	case FaultListingShort, FaultListingTotalBonus, FaultListingTotalDeficit:
		return f.validateListingFault()
	case FaultInternalError, FaultBadGateway, FaultMalformedJSON, FaultTruncatedJSON, FaultReset, FaultThrottled:
		if f.Delay != "" {
			return fmt.Errorf("delay applies only to kind %q", FaultDelay)
		}
	case FaultError:
		if err := f.validateError(); err != nil {
			return err
		}
	case FaultDelay:
		if d, err := time.ParseDuration(f.Delay); err != nil || d <= 0 {
			return fmt.Errorf("kind %q needs a positive delay such as \"2s\"", FaultDelay)
		}
	default:
		return fmt.Errorf("kind %q is not one of %s", f.Kind, strings.Join(faultKinds, ", "))
	}
	if f.AfterPage != 0 || f.Member != nil {
		return fmt.Errorf("after_page and member apply only to kinds %q, %q and %q", FaultMemberLeaves, FaultMemberJoins, FaultMemberChurn)
	}
	if f.Action != "" {
		if _, served := actions[f.Action]; !served {
			return fmt.Errorf("action %q is not an action the emulator serves", f.Action)
		}
		if f.MemberUin != 0 && f.Action != actionEmailBind {
			return fmt.Errorf("member_uin matches only %s requests, so it never matches action %q", actionEmailBind, f.Action)
		}
	}
	return nil
}

// validateError checks an error fault: it names an action the emulator
// serves and a code that action may answer, as the real API answers only
// with the codes its SDK declares and the common ones.
func (f Fault) validateError() error {
	if f.Delay != "" {
		return fmt.Errorf("delay applies only to kind %q", FaultDelay)
	}
	if f.Action == "" {
		return fmt.Errorf("kind %q needs action, the action that answers with code", f.Kind)
	}
	if _, served := actions[f.Action]; !served {
		return fmt.Errorf("action %q is not an action the emulator serves", f.Action)
	}
	if f.Code == "" {
		return fmt.Errorf("kind %q needs code, the error code to answer with", f.Kind)
	}
	if !Declares(f.Action, f.Code) {
		return fmt.Errorf("code %q is neither declared by the SDK for %s nor a common API 3.0 code", f.Code, f.Action)
	}
	return nil
}

// validateListingFault checks a fault that changes listing pages: it hits
// count pages (every page when zero), and nothing else.
func (f Fault) validateListingFault() error {
	if f.Delay != "" || f.MemberUin != 0 || f.AfterPage != 0 || f.Member != nil {
		return fmt.Errorf("delay, member_uin, after_page and member do not apply to kind %q", f.Kind)
	}
	if f.Action != "" && f.Action != actionMembers {
		return fmt.Errorf("kind %q changes %s pages, so action must be empty or %s", f.Kind, actionMembers, actionMembers)
	}
	if f.Kind == FaultListingTotalBonus && f.Bonus == 0 {
		return fmt.Errorf("kind %q needs a positive bonus, the members Total claims beyond those the pages hold", f.Kind)
	}
	if f.Kind == FaultListingTotalDeficit && f.Deficit == 0 {
		return fmt.Errorf("kind %q needs a positive deficit, the members the pages hold beyond those Total claims", f.Kind)
	}
	return nil
}

// validateChurn checks member_churn: a first joiner that is nobody yet.
// Later joiners take the next free uins, so they cannot collide.
func (f Fault) validateChurn(membership *membership) error {
	if f.Delay != "" || f.MemberUin != 0 || f.AfterPage != 0 || f.Action != "" {
		return fmt.Errorf("delay, member_uin, after_page and action do not apply to kind %q, which happens before every listing but the first", f.Kind)
	}
	if f.Member == nil {
		return fmt.Errorf("kind %q takes member, the first member to join", f.Kind)
	}
	if err := f.Member.validate(); err != nil {
		return fmt.Errorf("member.%w", err)
	}
	if membership.accounts[f.Member.MemberUin] || membership.moved[f.Member.MemberUin] {
		return fmt.Errorf("member: uin %d already belongs to an organization or joins by an earlier fault", f.Member.MemberUin)
	}
	return nil
}

func (f Fault) validateMembershipChange(membership *membership) error {
	if f.Count != 0 || f.Delay != "" || f.Action != "" {
		return fmt.Errorf("count, delay and action do not apply to kind %q, which happens once after page after_page", f.Kind)
	}
	if f.AfterPage < 1 {
		return fmt.Errorf("kind %q needs after_page of at least 1", f.Kind)
	}
	if f.Kind == FaultMemberLeaves {
		if f.Member != nil {
			return fmt.Errorf("kind %q takes member_uin, not member", f.Kind)
		}
		if !membership.members[f.MemberUin] {
			return fmt.Errorf("member_uin %d is not a member of any organization", f.MemberUin)
		}
		if membership.moved[f.MemberUin] {
			return fmt.Errorf("member %d already leaves by an earlier fault", f.MemberUin)
		}
		membership.moved[f.MemberUin] = true
		return nil
	}
	if f.Member == nil || f.MemberUin != 0 {
		return fmt.Errorf("kind %q takes member, not member_uin", f.Kind)
	}
	if err := f.Member.validate(); err != nil {
		return fmt.Errorf("member.%w", err)
	}
	uin := f.Member.MemberUin
	if membership.accounts[uin] || membership.moved[uin] {
		return fmt.Errorf("member: uin %d already belongs to an organization or joins by an earlier fault", uin)
	}
	membership.moved[uin] = true
	return nil
}
