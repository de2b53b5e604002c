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
	// Workers is how many reads are under way at once; the client's
	// lanes pace them, so this only needs to cover the API's latency.
	Workers int
	// MemberContext, when set, returns the context a member's read runs in,
	// such as one that carries the member in its log fields.
	MemberContext func(context.Context, int64) context.Context
	// Progress, when set, is told after each read how far the reads are.
	Progress func(ctx context.Context, p BindProgress)
}

// BindProgress is how far a batch of binding reads is: Done of Total have
// ended, Failed of them with an error (a member that left included). Total
// grows while a listing hands the batch its members page by page; Listed
// says it no longer will.
type BindProgress struct {
	Done, Failed, Total int
	Listed              bool
}

// DefaultEmailBindWorkers covers a second of API latency at 20 requests per second.
const DefaultEmailBindWorkers = 32

// ReadEmailBinds reads each member's binding concurrently, through the
// client's shared rate limit and retries, and returns one result per
// member, in the order given. Once ctx ends, reads not yet started fail
// with the cancellation instead of being sent.
func (c *Client) ReadEmailBinds(ctx context.Context, memberUins []int64, opts EmailBindReads) []EmailBind {
	b := c.startEmailBinds(ctx, opts)
	b.add(memberUins, true)
	return b.wait()
}

// bindBatch reads bindings as members are handed to it, so that a listing
// can hand over each page's members while its later pages are still read.
type bindBatch struct {
	c    *Client
	ctx  context.Context
	opts EmailBindReads
	mu   sync.Mutex
	// more wakes idle workers when members are added or the last has been.
	more     *sync.Cond
	uins     []int64
	results  []EmailBind
	next     int // the index of the next member to read
	workers  int
	progress BindProgress
	wg       sync.WaitGroup
}

func (c *Client) startEmailBinds(ctx context.Context, opts EmailBindReads) *bindBatch {
	b := &bindBatch{c: c, ctx: ctx, opts: opts}
	b.more = sync.NewCond(&b.mu)
	return b
}

// add queues members for reading, the last of the batch if last; it never
// waits for a read. A worker is started for each member until there are
// opts.Workers.
func (b *bindBatch) add(uins []int64, last bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.progress.Listed = b.progress.Listed || last
	b.uins = append(b.uins, uins...)
	b.results = append(b.results, make([]EmailBind, len(uins))...)
	b.progress.Total = len(b.uins)
	limit := b.opts.Workers
	if limit <= 0 {
		limit = DefaultEmailBindWorkers
	}
	for b.workers < min(limit, len(b.uins)) {
		b.workers++
		b.wg.Go(b.work)
	}
	b.more.Broadcast()
}

// wait closes the batch to new members and returns one result per member
// added, in the order added, once every read has ended. Reads that ended
// before are reported again as listed: they may have been all of them.
func (b *bindBatch) wait() []EmailBind {
	b.mu.Lock()
	report := !b.progress.Listed && b.progress.Done > 0
	b.progress.Listed = true
	if report && b.opts.Progress != nil {
		b.opts.Progress(b.ctx, b.progress)
	}
	b.more.Broadcast()
	b.mu.Unlock()
	b.wg.Wait()
	return b.results
}

func (b *bindBatch) work() {
	for {
		i, uin, ok := b.take()
		if !ok {
			return
		}
		memberCtx := b.ctx
		if b.opts.MemberContext != nil {
			memberCtx = b.opts.MemberContext(b.ctx, uin)
		}
		record, err := b.c.DescribeOrganizationMemberEmailBind(memberCtx, uin)
		b.mu.Lock()
		b.results[i] = EmailBind{MemberUin: uin, Record: record, Err: err}
		b.progress.Done++
		if err != nil {
			b.progress.Failed++
		}
		if b.opts.Progress != nil {
			b.opts.Progress(b.ctx, b.progress)
		}
		b.mu.Unlock()
	}
}

// take waits for a member to read, reporting false once the batch is
// listed and every member has been taken.
func (b *bindBatch) take() (int, int64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.next == len(b.uins) && !b.progress.Listed {
		b.more.Wait()
	}
	if b.next == len(b.uins) {
		return 0, 0, false
	}
	b.next++
	return b.next - 1, b.uins[b.next-1], true
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
