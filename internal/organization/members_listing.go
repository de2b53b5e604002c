// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

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

// defaultPageWorkers bounds the pages requested at once; the client's
// lanes pace them, so this only needs to cover the API's latency.
const defaultPageWorkers = 8

// maxMembers is far beyond any organization's quota; a Total above it is a
// broken answer, not a reason to allocate and request millions of pages.
const maxMembers = 1_000_000

// listing is one pass over the organization's pages: every page from the
// first up to the first one that shows the pass cannot be complete.
type listing struct {
	total   uint64 // the first page's Total
	members map[int64]*OrgMember
	// problem says why the pass is not complete, empty when it is; it is
	// the one at the lowest offset, with the RequestId of its page. short
	// says it is a page holding fewer members than Total says it must.
	problem          string
	problemOffset    uint64
	problemRequestID string
	short            bool
	// seen, when set, is told of each page's members as they are added,
	// under the lock that orders the pages.
	seen func(members []*OrgMember)
}

func (l *listing) complete() bool { return l.problem == "" }

// add takes page i in, reporting false once the pass cannot be complete:
// a page whose Total differs from the first's, a page less or more full
// than Total says it must be, or a member already seen.
func (l *listing) add(i, pageSize int, page *DescribeOrganizationMembersResponseParams) bool {
	offset := uint64(i) * uint64(pageSize)
	want := min(l.total-min(offset, l.total), uint64(pageSize))
	switch {
	case *page.Total != l.total:
		l.fail(offset, page, false, fmt.Sprintf("says Total is %d where the first page said %d", *page.Total, l.total))
	case uint64(len(page.Items)) != want:
		l.fail(offset, page, uint64(len(page.Items)) < want,
			fmt.Sprintf("holds %d members where Total %d says it must hold %d", len(page.Items), l.total, want))
	}
	for _, m := range page.Items {
		if _, seen := l.members[*m.MemberUin]; seen {
			l.fail(offset, page, false, fmt.Sprintf("shows member %d a second time", *m.MemberUin))
		}
		l.members[*m.MemberUin] = m
	}
	if l.seen != nil {
		l.seen(page.Items)
	}
	return l.complete()
}

func (l *listing) fail(offset uint64, page *DescribeOrganizationMembersResponseParams, short bool, what string) {
	if l.problem != "" && l.problemOffset <= offset {
		return
	}
	l.problem = fmt.Sprintf("the page at offset %d %s", offset, what)
	l.problemOffset, l.problemRequestID, l.short = offset, requestIDOf(page), short
}

// listOnce reads the first page, then the rest concurrently. It stops
// handing out pages at the first one that shows the pass incomplete, so a
// Total that the pages never reach costs a few pages, not the thousands it
// promises. Any failed page fails the pass: a partial list is never used.
//
// It reads the pages listingPages counts, and tells seen, when not nil,
// of each page's members as it adds them.
func (c *Client) listOnce(ctx context.Context, filter MemberFilter, seen func([]*OrgMember)) (*listing, error) {
	first, err := c.membersPage(ctx, filter, 0)
	if err != nil {
		return nil, err
	}
	l := &listing{total: *first.Total, members: make(map[int64]*OrgMember, len(first.Items)), seen: seen}
	pages := listingPages(l.total, c.pageSize)
	if !l.add(0, c.pageSize, first) || pages <= 1 {
		return l, nil
	}
	return l, c.remainingPages(ctx, filter, l, pages)
}

// listingPages is how many pages a listing of total members reads: every
// page that starts at or before offset total, the page at offset total
// included, which must be empty. Without that page, a Total smaller than
// what the pages hold by a whole number of pages would go unnoticed: every
// page up to Total is as full as Total says, and the members beyond it are
// never asked for. That page costs one more call only when total is a
// multiple of the page size; otherwise it is the last page anyway, which
// Total says is part full.
func listingPages(total uint64, pageSize int) int {
	return int(total/uint64(pageSize)) + 1
}

// ListingCalls is what one complete listing of total members costs at the
// page size the client asks for: the pages listingPages counts.
func ListingCalls(total uint64) int {
	return listingPages(total, MaxMembersPageSize)
}

// remainingPages adds pages 1 to pages-1 to l, until one fails or shows l
// incomplete.
func (c *Client) remainingPages(ctx context.Context, filter MemberFilter, l *listing, pages int) error {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	next.Store(1)
	var stop atomic.Bool
	var mu sync.Mutex
	var failure error
	var wg sync.WaitGroup
	for range min(c.pageWorkers, pages-1) {
		wg.Go(func() {
			for !stop.Load() {
				i := int(next.Add(1) - 1)
				if i >= pages {
					return
				}
				page, err := c.membersPage(ctx, filter, i)
				mu.Lock()
				if err != nil && failure == nil {
					failure = err
					cancel(err)
				}
				if err != nil || !l.add(i, c.pageSize, page) {
					stop.Store(true)
				}
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	return failure
}

// membersPage reads page i and checks what the listing relies on: a Total,
// and a MemberUin on every item.
func (c *Client) membersPage(ctx context.Context, filter MemberFilter, i int) (*DescribeOrganizationMembersResponseParams, error) {
	request := NewDescribeOrganizationMembersRequest()
	offset, limit := uint64(i)*uint64(c.pageSize), uint64(c.pageSize)
	request.Offset, request.Limit = &offset, &limit
	request.SearchKey, request.AuthName, request.Product = filter.SearchKey, filter.AuthName, filter.Product
	request.NodeId, request.NodeName, request.Tags = filter.NodeId, filter.NodeName, filter.Tags
	page, err := c.DescribeOrganizationMembers(ctx, request)
	if err != nil {
		return nil, err
	}
	if page.Total == nil {
		return nil, malformedPage(page, offset, "has no Total")
	}
	if *page.Total > maxMembers {
		return nil, malformedPage(page, offset, fmt.Sprintf("claims a Total of %d members", *page.Total))
	}
	for j, m := range page.Items {
		if m == nil || m.MemberUin == nil {
			return nil, malformedPage(page, offset, fmt.Sprintf("has a member without MemberUin at position %d", j))
		}
	}
	return page, nil
}

func malformedPage(page *DescribeOrganizationMembersResponseParams, offset uint64, what string) *tencentapi.Error {
	return &tencentapi.Error{
		Code:      tencentapi.CodeMalformedResponse,
		Message:   fmt.Sprintf("the page of members at offset %d %s, so the listing cannot be trusted to be complete", offset, what),
		RequestID: requestIDOf(page),
	}
}

func requestIDOf(page *DescribeOrganizationMembersResponseParams) string {
	if page.RequestId == nil {
		return ""
	}
	return *page.RequestId
}
