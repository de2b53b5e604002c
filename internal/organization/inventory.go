// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

import (
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
	// OnReading, when set, is told before each batch of binding reads.
	OnReading func(ctx context.Context, members int)
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
// The organization is listed, the bindings of the members listed are read,
// and it is listed again: the read is confirmed when two consecutive
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
	first, err := k.list(ctx)
	if err != nil {
		return nil, err
	}
	if q.EmailBinds {
		if err := r.readBindings(ctx, r.unread(first), first); err != nil {
			return nil, err
		}
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

// candidates are the members of l, in order, that the query may keep by
// their listing status.
func (r *inventoryRead) candidates(l *listing) []int64 {
	var uins []int64
	for _, uin := range slices.Sorted(maps.Keys(l.members)) {
		status := l.members[uin].BindStatus
		if r.keeps(status) || (r.q.EmailBinds && status == nil) {
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
// finds gone has left since it was listed; any other failure fails the
// read, naming every member that could not be read.
func (r *inventoryRead) readBindings(ctx context.Context, uins []int64, l *listing) error {
	if len(uins) == 0 {
		return nil
	}
	if r.q.OnReading != nil {
		r.q.OnReading(ctx, len(uins))
	}
	results := r.c.ReadEmailBinds(ctx, uins, r.q.Reads)
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
