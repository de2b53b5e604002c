// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"slices"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// InventoryQuery says which members ReadInventory reads.
type InventoryQuery struct {
	// Filter is sent with every listing.
	Filter MemberFilter
	// MemberUins, when not nil, are read instead of listing the organization.
	MemberUins []int64
	// EmailBinds reads each member's binding; without it only the listing is read.
	EmailBinds bool
	// BindStatus keeps the members whose status is one of these; nil keeps
	// every member. The listing's status decides which bindings are read
	// (a member it shows without one is read too); the binding's decides
	// which members are kept.
	BindStatus []string
	// Reads configures the binding reads.
	Reads EmailBindReads
	// OnListed, when set, is told about each listing once it is read: its
	// number from 1, its Total, and the members its pages held.
	OnListed func(ctx context.Context, n int, total uint64, held int)
	// OnReading, when set, is told before each batch of binding reads
	// starts; the first batch reads a listing's members as its pages come.
	OnReading func(ctx context.Context)
}

// Inventory is what ReadInventory found.
type Inventory struct {
	// Members are those the query asked for, each once, sorted by MemberUin.
	Members []InventoryMember
	// Left are members that left the organization during the read: shown by
	// one listing but not by the confirmed one, or gone when their binding
	// was read. They are not in Members.
	Left []int64
}

// InventoryMember is one member: its listing entry (nil when MemberUins
// named it) and its binding (nil without EmailBinds).
type InventoryMember struct {
	MemberUin int64
	Listing   *OrgMember
	EmailBind *DescribeOrganizationMemberEmailBindResponseParams
}

// BindStatus is the binding's status when it was read, else the listing's.
func (m InventoryMember) BindStatus() *string {
	if m.EmailBind != nil {
		return m.EmailBind.BindStatus
	}
	if m.Listing != nil {
		return m.Listing.BindStatus
	}
	return nil
}

// ReadInventory reads the members a query asks for, and fails rather than
// return fewer: every member a confirmed listing holds, with its binding.
//
// The organization is listed, the bindings of the members listed are read
// (each page's as soon as the page is), and it is listed again: the read is confirmed when two consecutive
// listings agree (see collector), else it is listed a third time, and if
// that does not agree with the second either, the read fails with a
// *ListingUnconfirmedError. Members the confirmed listing adds are read
// too; members it no longer shows have left and are reported in Left.
// A binding that cannot be read fails the read with a *MembersUnreadError;
// a listing page that cannot be read fails it with the page's error.
func (c *Client) ReadInventory(ctx context.Context, q InventoryQuery) (*Inventory, error) {
	r := &inventoryRead{c: c, q: q, records: map[int64]*DescribeOrganizationMemberEmailBindResponseParams{}, left: map[int64]bool{}}
	if q.MemberUins != nil {
		if err := r.readBindings(ctx, q.MemberUins, nil); err != nil {
			return nil, err
		}
		return r.result(q.MemberUins, nil), nil
	}
	k := &collector{c: c, filter: q.Filter, onListed: q.OnListed}
	if err := r.listReadingBindings(ctx, k); err != nil {
		return nil, err
	}
	confirmed, err := k.confirm(ctx)
	if err != nil {
		return nil, err
	}
	if q.EmailBinds {
		// A member the confirmed listing shows is read again even if an
		// earlier read found it gone: it may have left and come back.
		for uin := range confirmed.members {
			delete(r.left, uin)
		}
		if err := r.readBindings(ctx, r.unread(confirmed), confirmed); err != nil {
			return nil, err
		}
	}
	for _, l := range k.listings {
		for _, uin := range r.candidates(l) {
			if _, stayed := confirmed.members[uin]; !stayed {
				r.left[uin] = true
			}
		}
	}
	return r.result(slices.Sorted(maps.Keys(confirmed.members)), confirmed), nil
}

// inventoryRead is the state of one ReadInventory.
type inventoryRead struct {
	c       *Client
	q       InventoryQuery
	records map[int64]*DescribeOrganizationMemberEmailBindResponseParams
	left    map[int64]bool
}

// listReadingBindings lists the organization and, with EmailBinds, reads
// the bindings of the members each page shows as soon as the page is read:
// the two actions have budgets of their own, so the bindings need not wait
// for the last page, and plans that start together start their bindings
// together. A listing that fails abandons the reads and fails the read.
func (r *inventoryRead) listReadingBindings(ctx context.Context, k *collector) error {
	if !r.q.EmailBinds {
		_, err := k.list(ctx, nil)
		return err
	}
	readCtx, abandon := context.WithCancel(ctx)
	defer abandon()
	batch := r.c.startEmailBinds(readCtx, r.q.Reads)
	queued := map[int64]bool{}
	first, err := k.list(ctx, func(members []*OrgMember) {
		var uins []int64
		for _, m := range members {
			if r.candidate(m.BindStatus) && !queued[*m.MemberUin] {
				queued[*m.MemberUin] = true
				uins = append(uins, *m.MemberUin)
			}
		}
		if len(uins) > 0 && len(uins) == len(queued) && r.q.OnReading != nil {
			r.q.OnReading(ctx)
		}
		batch.add(uins, false)
	})
	if err != nil {
		abandon()
		batch.wait()
		return err
	}
	return r.collect(ctx, batch.wait(), first)
}

// candidate is whether the query may keep a member of this listing status.
func (r *inventoryRead) candidate(status *string) bool {
	return r.keeps(status) || (r.q.EmailBinds && status == nil)
}

// candidates are the members of l, in order, that the query may keep by
// their listing status.
func (r *inventoryRead) candidates(l *listing) []int64 {
	var uins []int64
	for _, uin := range slices.Sorted(maps.Keys(l.members)) {
		if r.candidate(l.members[uin].BindStatus) {
			uins = append(uins, uin)
		}
	}
	return uins
}

// unread are l's candidates whose binding has not been read yet.
func (r *inventoryRead) unread(l *listing) []int64 {
	return slices.DeleteFunc(r.candidates(l), func(uin int64) bool {
		_, read := r.records[uin]
		return read || r.left[uin]
	})
}

func (r *inventoryRead) keeps(status *string) bool {
	return r.q.BindStatus == nil || (status != nil && slices.Contains(r.q.BindStatus, *status))
}

// readBindings reads the bindings of uins. A member l shows that the read
// finds gone has left since it was listed.
func (r *inventoryRead) readBindings(ctx context.Context, uins []int64, l *listing) error {
	if len(uins) == 0 {
		return nil
	}
	if r.q.OnReading != nil {
		r.q.OnReading(ctx)
	}
	return r.collect(ctx, r.c.ReadEmailBinds(ctx, uins, r.q.Reads), l)
}

// collect keeps the bindings read and the members l shows that have left,
// and fails, naming every member that could not be read, if any could not.
func (r *inventoryRead) collect(ctx context.Context, results []EmailBind, l *listing) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var failed []EmailBind
	for _, result := range results {
		var callErr *tencentapi.Error
		switch {
		case result.Err == nil:
			r.records[result.MemberUin] = result.Record
		case l != nil && errors.As(result.Err, &callErr) && callErr.Code == CodeMemberNotExist:
			r.left[result.MemberUin] = true
		default:
			failed = append(failed, result)
		}
	}
	if len(failed) > 0 {
		slices.SortFunc(failed, func(a, b EmailBind) int { return cmp.Compare(a.MemberUin, b.MemberUin) })
		return &MembersUnreadError{Failed: failed, Of: len(r.records) + len(r.left) + len(failed)}
	}
	return nil
}

// result is the members of uins the query keeps, in order.
func (r *inventoryRead) result(uins []int64, l *listing) *Inventory {
	inv := &Inventory{Left: slices.Sorted(maps.Keys(r.left))}
	for _, uin := range uins {
		m := InventoryMember{MemberUin: uin}
		if l != nil {
			m.Listing = l.members[uin]
		}
		if r.q.EmailBinds {
			if m.EmailBind = r.records[uin]; m.EmailBind == nil {
				continue // it left, or its listing status is not asked for
			}
		}
		if r.keeps(m.BindStatus()) && !r.left[uin] {
			inv.Members = append(inv.Members, m)
		}
	}
	return inv
}
