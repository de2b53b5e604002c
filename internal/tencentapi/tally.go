// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"sync"
)

// Tally counts what the calls made under one context cost, for a read's
// progress and summary. It belongs to a read, not to a client: several data
// sources read through one client at once, and each reports its own.
type Tally struct {
	mu       sync.Mutex
	byAction map[string]*TallyCounts
}

// TallyCounts is what calls of one action, or of all, cost.
type TallyCounts struct {
	// Calls made, and of them, Failures that ended in an error.
	Calls    int
	Failures int
	// Attempts are HTTP exchanges tried, Retries those beyond each call's
	// first, and Throttles the attempts the API refused as over its rate limit.
	Attempts  int
	Retries   int
	Throttles int
}

func (t TallyCounts) add(u TallyCounts) TallyCounts {
	return TallyCounts{
		Calls: t.Calls + u.Calls, Failures: t.Failures + u.Failures,
		Attempts: t.Attempts + u.Attempts, Retries: t.Retries + u.Retries, Throttles: t.Throttles + u.Throttles,
	}
}

type tallyKey struct{}

// WithTally returns ctx with a new Tally that every Call under it counts in.
func WithTally(ctx context.Context) (context.Context, *Tally) {
	t := &Tally{byAction: map[string]*TallyCounts{}}
	return context.WithValue(ctx, tallyKey{}, t), t
}

func tallyFrom(ctx context.Context) *Tally {
	t, _ := ctx.Value(tallyKey{}).(*Tally)
	return t
}

// count adds u to action's counts; a nil Tally counts nothing.
func (t *Tally) count(action string, u TallyCounts) {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	counts := t.byAction[action]
	if counts == nil {
		counts = &TallyCounts{}
		t.byAction[action] = counts
	}
	*counts = counts.add(u)
}

// Action is what the calls of one action cost so far.
func (t *Tally) Action(action string) TallyCounts {
	t.mu.Lock()
	defer t.mu.Unlock()
	if counts := t.byAction[action]; counts != nil {
		return *counts
	}
	return TallyCounts{}
}

// Total is what every call cost so far.
func (t *Tally) Total() TallyCounts {
	t.mu.Lock()
	defer t.mu.Unlock()
	var total TallyCounts
	for _, counts := range t.byAction {
		total = total.add(*counts)
	}
	return total
}
