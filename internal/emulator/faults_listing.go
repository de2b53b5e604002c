// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import "slices"

// useFault reports whether fault i has a use left, using one up. The
// caller holds s.mu.
func (s *Server) useFault(i int) bool {
	if s.world.Faults[i].Count == 0 {
		return true
	}
	if s.faultsLeft[i] > 0 {
		s.faultsLeft[i]--
		return true
	}
	return false
}

// listingStarts counts a listing (a request at Offset 0) and, before every
// one but the first, makes the joins member_churn schedules. The caller
// holds s.mu.
func (s *Server) listingStarts(org *Organization) {
	s.listingsStarted++
	if s.listingsStarted == 1 {
		return
	}
	for i, f := range s.world.Faults {
		if f.Kind != FaultMemberChurn || !s.useFault(i) {
			continue
		}
		m := *f.Member
		for s.orgOfUin[m.MemberUin] != nil {
			m.MemberUin++
		}
		s.join(org, m, len(org.Members))
	}
}

// distortPage applies the listing faults that have uses left to a page and
// its Total. The caller holds s.mu.
func (s *Server) distortPage(page []Member, total uint64) ([]Member, uint64) {
	for i, f := range s.world.Faults {
		if !listingFaults[f.Kind] || !s.useFault(i) {
			continue
		}
		switch f.Kind {
		case FaultListingShort:
			page = page[:max(len(page)-1, 0)]
		case FaultListingTotalBonus:
			total += f.Bonus
		}
	}
	return page, total
}

// join adds m to org at position at of its listing order. The caller holds s.mu.
func (s *Server) join(org *Organization, m Member, at int) {
	org.Members = slices.Insert(org.Members, min(at, len(org.Members)), m)
	s.orgOfUin[m.MemberUin] = org
}

// leave removes uin from its organization's members; an admin stays its
// organization's caller. The caller holds s.mu.
func (s *Server) leave(uin int64) {
	from := s.orgOfUin[uin]
	if from == nil {
		return
	}
	from.Members = slices.DeleteFunc(from.Members, func(m Member) bool { return m.MemberUin == uin })
	if uin != from.AdminUin {
		delete(s.orgOfUin, uin)
	}
}
