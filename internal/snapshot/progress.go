// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// IsTerminal reports whether w is a terminal, where progress is shown; a
// file or a pipe gets none, so logs of scripted runs stay quiet. A
// character device is taken for a terminal, which needs no dependency.
func IsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// progress rewrites one status line: the listings, then the members read
// of the total and the time left at the rate limit, which paces the reads
// once they are under way. A nil w shows nothing.
type progress struct {
	w         io.Writer
	rateLimit float64
	// total is the last listing's Total, for the confirming listing's pages.
	total uint64
	shown bool
}

func (p *progress) listed(_ context.Context, n int, total uint64, held int) {
	p.total = total
	p.show("listing %d: %d of %d members", n, held, total)
}

// bindings is told after each binding read; it is called under the reads'
// lock, so it needs none.
func (p *progress) bindings(_ context.Context, b organization.BindProgress) {
	// What is left: these reads, and the pages of the listing that confirms them.
	calls := b.Total - b.Done + organization.ListingCalls(p.total)
	left := time.Duration(float64(calls) / p.rateLimit * float64(time.Second))
	p.show("read %d of %d members, about %s left at %g requests/s", b.Done, b.Total, left.Round(time.Second), p.rateLimit)
}

// show replaces the status line.
func (p *progress) show(format string, args ...any) {
	if p.w == nil {
		return
	}
	// \033[K clears what a longer line before left behind.
	fmt.Fprintf(p.w, "\r"+format+"\033[K", args...)
	p.shown = true
}

// done ends the status line, so that what follows starts on a line of its own.
func (p *progress) done() {
	if p.w != nil && p.shown {
		fmt.Fprintln(p.w)
	}
}

// hooks wires the progress into a query.
func (p *progress) hooks(q *organization.InventoryQuery) {
	q.OnListed = p.listed
	q.Reads.Progress = p.bindings
}
