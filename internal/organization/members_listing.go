// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sync"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// MemberFilter narrows a listing with the action's own filters; nil fields
// are not sent.
type MemberFilter struct {
	SearchKey *string
	AuthName  *string
	Product   *string
	NodeId    *uint64
	NodeName  *string
	Tags      []*Tag
}

// Listing is every member a filter matched, each once, sorted by MemberUin.
type Listing struct {
	Members []*OrgMember
	// Relisted says the organization changed while it was paged, so it was
	// listed again.
	Relisted bool
	// Consistent is false when it changed during both listings: Members is
	// then everyone either listing saw, the second one's fields winning.
	Consistent bool
}

// pageWorkers bounds the pages requested at once; the rate limiter paces them.
const pageWorkers = 8

// maxMembers is far beyond any organization's quota; a Total above it is a
// broken answer, not a reason to allocate and request millions of pages.
const maxMembers = 1_000_000

// ListMembers pages through DescribeOrganizationMembers. Members join and
// leave while pages are read, which can show a member twice or not at all,
// so a listing whose Total or page sizes disagree is read once more. Any
// failed page fails the whole listing: a partial list is never returned.
func (c *Client) ListMembers(ctx context.Context, filter MemberFilter) (*Listing, error) {
	first, consistent, err := c.listOnce(ctx, filter)
	if err != nil {
		return nil, err
	}
	if consistent {
		return &Listing{Members: sortedMembers(first), Consistent: true}, nil
	}
	second, consistent, err := c.listOnce(ctx, filter)
	if err != nil {
		return nil, err
	}
	if !consistent {
		for uin, m := range second {
			first[uin] = m
		}
		second = first
	}
	return &Listing{Members: sortedMembers(second), Relisted: true, Consistent: consistent}, nil
}

// listOnce reads the first page, then the rest concurrently, and reports
// whether every page agreed with the first on Total and was as full as
// Total says it must be.
func (c *Client) listOnce(ctx context.Context, filter MemberFilter) (map[int64]*OrgMember, bool, error) {
	page, err := c.membersPage(ctx, filter, 0)
	if err != nil {
		return nil, false, err
	}
	total := *page.Total
	pages := int((total + MaxMembersPageSize - 1) / MaxMembersPageSize)
	results := make([]*DescribeOrganizationMembersResponseParams, max(pages, 1))
	results[0] = page
	if pages > 1 {
		if err := c.remainingPages(ctx, filter, results); err != nil {
			return nil, false, err
		}
	}

	members := map[int64]*OrgMember{}
	consistent := true
	for i, page := range results {
		if page == nil {
			return nil, false, incompletePage("", uint64(i)*MaxMembersPageSize, "was not read")
		}
		want := min(total-uint64(i)*MaxMembersPageSize, MaxMembersPageSize)
		if *page.Total != total || uint64(len(page.Items)) != want {
			consistent = false
		}
		for _, m := range page.Items {
			if _, seen := members[*m.MemberUin]; seen {
				consistent = false
			}
			members[*m.MemberUin] = m
		}
	}
	return members, consistent && uint64(len(members)) == total, nil
}

// remainingPages fills results[1:], stopping at the first failure.
func (c *Client) remainingPages(ctx context.Context, filter MemberFilter, results []*DescribeOrganizationMembersResponseParams) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var failure error
	for range min(pageWorkers, len(results)-1) {
		wg.Go(func() {
			for i := range next {
				page, err := c.membersPage(ctx, filter, i)
				if err != nil {
					once.Do(func() { failure = err; cancel(err) })
					continue
				}
				results[i] = page
			}
		})
	}
	// Every page is handed out even after a failure or cancellation: its
	// call then fails at once on the limiter, so every result is a page or
	// a failure is recorded, never a page silently missing.
	for i := 1; i < len(results); i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return failure
}

// membersPage reads page i and checks what the listing relies on: a Total,
// and a MemberUin on every item.
func (c *Client) membersPage(ctx context.Context, filter MemberFilter, i int) (*DescribeOrganizationMembersResponseParams, error) {
	request := NewDescribeOrganizationMembersRequest()
	offset, limit := uint64(i)*MaxMembersPageSize, uint64(MaxMembersPageSize)
	request.Offset, request.Limit = &offset, &limit
	request.SearchKey, request.AuthName, request.Product = filter.SearchKey, filter.AuthName, filter.Product
	request.NodeId, request.NodeName, request.Tags = filter.NodeId, filter.NodeName, filter.Tags
	page, err := c.DescribeOrganizationMembers(ctx, request)
	if err != nil {
		return nil, err
	}
	requestID := ""
	if page.RequestId != nil {
		requestID = *page.RequestId
	}
	if page.Total == nil {
		return nil, incompletePage(requestID, offset, "has no Total")
	}
	if *page.Total > maxMembers {
		return nil, incompletePage(requestID, offset, fmt.Sprintf("claims a Total of %d members", *page.Total))
	}
	for j, m := range page.Items {
		if m == nil || m.MemberUin == nil {
			return nil, incompletePage(requestID, offset, fmt.Sprintf("has a member without MemberUin at position %d", j))
		}
	}
	return page, nil
}

func incompletePage(requestID string, offset uint64, what string) *tencentapi.Error {
	return &tencentapi.Error{
		Code:      tencentapi.CodeMalformedResponse,
		Message:   fmt.Sprintf("the page of members at offset %d %s, so the listing cannot be trusted to be complete", offset, what),
		RequestID: requestID,
	}
}

func sortedMembers(members map[int64]*OrgMember) []*OrgMember {
	out := make([]*OrgMember, 0, len(members))
	for _, m := range members {
		out = append(out, m)
	}
	slices.SortFunc(out, func(a, b *OrgMember) int { return cmp.Compare(*a.MemberUin, *b.MemberUin) })
	return out
}
