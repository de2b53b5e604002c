// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"context"
	"fmt"
	"sync"
)

// EmailBind is one member's binding record, or why it could not be read.
type EmailBind struct {
	MemberUin int64
	Record    *DescribeOrganizationMemberEmailBindResponseParams
	Err       error
}

// EmailBindReads configures ReadEmailBinds.
type EmailBindReads struct {
	// Workers is how many reads are under way at once; the client's rate
	// limiter paces them, so this only needs to cover the API's latency.
	Workers int
	// MemberContext, when set, returns the context a member's read runs in,
	// such as one that carries the member in its log fields.
	MemberContext func(context.Context, int64) context.Context
	// Progress, when set, is told after each read how far the reads are.
	Progress func(ctx context.Context, p BindProgress)
}

// BindProgress is how far a batch of binding reads is: Done of Total have
// ended, Failed of them with an error (a member that left included).
type BindProgress struct {
	Done, Failed, Total int
}

// DefaultEmailBindWorkers covers a second of API latency at 20 requests per second.
const DefaultEmailBindWorkers = 32

// ReadEmailBinds reads each member's binding concurrently, through the
// client's shared rate limit and retries, and returns one result per
// member, in the order given. Once ctx ends, reads not yet started fail
// with the cancellation instead of being sent.
func (c *Client) ReadEmailBinds(ctx context.Context, memberUins []int64, opts EmailBindReads) []EmailBind {
	results := make([]EmailBind, len(memberUins))
	workers := opts.Workers
	if workers <= 0 {
		workers = DefaultEmailBindWorkers
	}
	next := make(chan int)
	var mu sync.Mutex
	progress := BindProgress{Total: len(memberUins)}
	var wg sync.WaitGroup
	for range min(workers, len(memberUins)) {
		wg.Go(func() {
			for i := range next {
				uin := memberUins[i]
				memberCtx := ctx
				if opts.MemberContext != nil {
					memberCtx = opts.MemberContext(ctx, uin)
				}
				record, err := c.DescribeOrganizationMemberEmailBind(memberCtx, uin)
				results[i] = EmailBind{MemberUin: uin, Record: record, Err: err}
				if opts.Progress != nil {
					mu.Lock()
					progress.Done++
					if err != nil {
						progress.Failed++
					}
					opts.Progress(ctx, progress)
					mu.Unlock()
				}
			}
		})
	}
	for i := range memberUins {
		next <- i
	}
	close(next)
	wg.Wait()
	return results
}

// MembersUnreadError is a read that could not read every binding it had to:
// Failed are the members that could not be read, of Of read.
type MembersUnreadError struct {
	Failed []EmailBind
	Of     int
}

func (e *MembersUnreadError) Error() string {
	return fmt.Sprintf("the email bindings of %d of %d members could not be read", len(e.Failed), e.Of)
}
