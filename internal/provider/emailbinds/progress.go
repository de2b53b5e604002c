// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// Log messages of a whole-organization read that users grep for.
const (
	logBindingProgress = "Read organization member email bindings"
	logReadSummary     = "Read organization members complete"
	logStateWritten    = "Wrote organization members to state"
	logListed          = "Listed organization members"
)

// readProgress reports one whole-organization read at INFO: each batch of
// binding reads every tenth of the way, and the read as one closing line.
// Its Tally counts this read's calls only, though data sources share a client.
type readProgress struct {
	tally *tencentapi.Tally
	start time.Time
	// finished is when the last call ended, for the conversion's time.
	finished time.Time
	// batchStart is when the current batch of binding reads began, for its
	// rate; OnReading sets it before the batch's reads start.
	batchStart time.Time
	// tenths is how many tenths of the current batch have been logged.
	tenths int
}

// newReadProgress returns ctx, whose calls the progress counts, and the progress.
func newReadProgress(ctx context.Context) (context.Context, *readProgress) {
	ctx, tally := tencentapi.WithTally(ctx)
	now := time.Now()
	return ctx, &readProgress{tally: tally, start: now, batchStart: now}
}

func (p *readProgress) reading(ctx context.Context) {
	p.batchStart, p.tenths = time.Now(), 0
	tflog.Info(ctx, "Reading organization member email bindings")
}

// bindings logs a batch's progress at every tenth of the way and at its
// end: failures, retries and throttles apart from successes, and the time
// left at the batch's rate so far. Nothing is logged while a listing still
// hands the batch members, since a tenth of a Total that grows is none of
// the batch; a tenth crossed meanwhile is logged with the first report
// after. So there are at most ten lines, however few the members.
func (p *readProgress) bindings(ctx context.Context, b organization.BindProgress) {
	if !b.Listed || b.Total == 0 || b.Done*10/b.Total <= p.tenths {
		return
	}
	p.tenths = b.Done * 10 / b.Total
	calls := p.tally.Action(organization.ActionDescribeOrganizationMemberEmailBind)
	elapsed := time.Since(p.batchStart)
	left := time.Duration(float64(elapsed) / float64(b.Done) * float64(b.Total-b.Done))
	tflog.Info(ctx, logBindingProgress, map[string]any{
		"done":      b.Done,
		"total":     b.Total,
		"succeeded": b.Done - b.Failed,
		"failed":    b.Failed,
		"retried":   calls.Retries,
		"throttled": calls.Throttles,
		"elapsed":   elapsed.Round(100 * time.Millisecond).String(),
		"time_left": left.Round(time.Second).String(),
	})
}

// finish logs the one closing line: the members read and the calls made.
func (p *readProgress) finish(ctx context.Context, inventory *organization.Inventory, err error) {
	listing := p.tally.Action(organization.ActionDescribeOrganizationMembers)
	binding := p.tally.Action(organization.ActionDescribeOrganizationMemberEmailBind)
	total := p.tally.Total()
	fields := map[string]any{
		"outcome":       "complete",
		"members":       0,
		"listing_calls": listing.Calls,
		"binding_calls": binding.Calls,
		"api_calls":     total.Calls,
		"attempts":      total.Attempts,
		"retries":       total.Retries,
		"throttles":     total.Throttles,
		"failed_calls":  total.Failures,
		"elapsed":       time.Since(p.start).Round(100 * time.Millisecond).String(),
	}
	if inventory != nil {
		fields["members"] = len(inventory.Members)
	}
	if err != nil {
		fields["outcome"] = "failed"
	}
	tflog.Info(ctx, logReadSummary, fields)
	p.finished = time.Now()
}

// written logs that state was set, and how long the conversion after the
// last call took: for a large organization it adds to the plan, and the
// bench times the end of Read by this line.
func (p *readProgress) written(ctx context.Context, members int) {
	tflog.Info(ctx, logStateWritten, map[string]any{
		"members":    members,
		"conversion": time.Since(p.finished).Round(time.Millisecond).String(),
	})
}
