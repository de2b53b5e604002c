// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// maxListings is how many times the organization is listed at most while
// looking for two consecutive listings that agree.
const maxListings = 3

// collector lists the organization again and again, keeping every listing,
// until two consecutive ones agree. Members join and leave while pages are
// read, and a change that keeps Total and every page's size (one member
// leaving on an early page while another joins further on) moves a member
// across a page boundary unseen. A listing that agrees with the one after
// it cannot hide a member that way. A complete listing holds exactly Total
// members, and Total was also the size of the organization when its last
// page was served; so if it misses a member present throughout, it holds
// someone who had gone by then, whatever order its pages were read in, and
// that member is missing from the next listing.
type collector struct {
	c        *Client
	filter   MemberFilter
	listings []*listing
	// onListed is InventoryQuery.OnListed.
	onListed func(ctx context.Context, n int, total uint64, held int)
}

// list lists the organization once more, telling seen, when not nil, of
// each page's members as they are read.
func (k *collector) list(ctx context.Context, seen func([]*OrgMember)) (*listing, error) {
	l, err := k.c.listOnce(ctx, k.filter, seen)
	if err != nil {
		return nil, err
	}
	k.listings = append(k.listings, l)
	if k.onListed != nil {
		k.onListed(ctx, len(k.listings), l.total, len(l.members))
	}
	return l, nil
}

// confirm lists until the last two listings agree and returns the last,
// or fails with a *ListingUnconfirmedError after maxListings.
func (k *collector) confirm(ctx context.Context) (*listing, error) {
	for {
		if n := len(k.listings); n >= 2 && agree(k.listings[n-2], k.listings[n-1]) {
			return k.listings[n-1], nil
		}
		if len(k.listings) == maxListings {
			return nil, k.unconfirmed()
		}
		if _, err := k.list(ctx, nil); err != nil {
			return nil, err
		}
	}
}

// agree is two complete listings of the same Total and the same members.
func agree(a, b *listing) bool {
	if !a.complete() || !b.complete() || a.total != b.total || len(a.members) != len(b.members) {
		return false
	}
	for uin := range a.members {
		if _, ok := b.members[uin]; !ok {
			return false
		}
	}
	return true
}

// unconfirmed describes the listings. Members came and went only between
// two complete listings: an incomplete one stopped early, and the members
// on the pages it never read did not go anywhere.
func (k *collector) unconfirmed() *ListingUnconfirmedError {
	err := &ListingUnconfirmedError{}
	came, went := map[int64]bool{}, map[int64]bool{}
	for i, l := range k.listings {
		err.Listings = append(err.Listings, ListingSummary{
			Total: l.total, Held: len(l.members), Problem: l.problem, RequestID: l.problemRequestID, Short: l.short,
		})
		if i == 0 || !l.complete() || !k.listings[i-1].complete() {
			continue
		}
		for uin := range l.members {
			if _, before := k.listings[i-1].members[uin]; !before {
				came[uin] = true
			}
		}
		for uin := range k.listings[i-1].members {
			if _, after := l.members[uin]; !after {
				went[uin] = true
			}
		}
	}
	err.Came, err.Went = slices.Sorted(maps.Keys(came)), slices.Sorted(maps.Keys(went))
	return err
}

// ListingUnconfirmedError is a read that found no two consecutive listings
// that agree, so no listing can be trusted to hold every member.
type ListingUnconfirmedError struct {
	// Listings are the listings made, in order.
	Listings []ListingSummary
	// Came are the members a complete listing showed that the complete one
	// before it did not; Went those it did not show that the one before did.
	Came, Went []int64
}

// ListingSummary is what one listing held.
type ListingSummary struct {
	// Total is what the listing's first page said all pages hold.
	Total uint64
	// Held is how many distinct members the pages read held; a listing
	// stops at the first page that shows it incomplete.
	Held int
	// Problem says why the listing was not complete; empty when it was.
	Problem string
	// Short says the problem is a page holding fewer members than Total
	// says it must.
	Short bool
	// RequestID is that of the page with the problem.
	RequestID string
}

// Short reports whether every listing stopped at a page short of what its
// Total says: the pages, not membership changes, are at fault.
func (e *ListingUnconfirmedError) Short() bool {
	for _, l := range e.Listings {
		if !l.Short {
			return false
		}
	}
	return true
}

// Error names what kept the listings from agreeing: the page every listing
// fell short at, the members that came and went between complete listings,
// or, when none did, the pages that stopped the listings that were not
// complete; "0 members came and 0 went" would hide the pages at fault.
func (e *ListingUnconfirmedError) Error() string {
	last := e.Listings[len(e.Listings)-1]
	problems := e.pageProblems()
	switch {
	case e.Short():
		return fmt.Sprintf("every one of %d listings fell short of its Total: in the last, Total promised %d members, %s, and the pages read held %d",
			len(e.Listings), last.Total, last.Problem, last.Held)
	case len(e.Came) == 0 && len(e.Went) == 0 && len(problems) > 0:
		return fmt.Sprintf("no two consecutive of %d listings were both complete, and no member came or went between complete listings: %s",
			len(e.Listings), strings.Join(problems, "; "))
	}
	return fmt.Sprintf("no two consecutive of %d listings agreed: %d members came and %d went between complete listings",
		len(e.Listings), len(e.Came), len(e.Went))
}

// pageProblems says, for each listing that was not complete, the page it
// stopped at and why.
func (e *ListingUnconfirmedError) pageProblems() []string {
	var problems []string
	for i, l := range e.Listings {
		if l.Problem == "" {
			continue
		}
		problem := fmt.Sprintf("listing %d stopped because %s", i+1, l.Problem)
		if l.RequestID != "" {
			problem += fmt.Sprintf(" (RequestId %s)", l.RequestID)
		}
		problems = append(problems, problem)
	}
	return problems
}
