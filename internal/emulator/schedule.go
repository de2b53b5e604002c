// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"fmt"
	"slices"
)

// These methods let a test script a schedule of changes while a client
// reads: from BeforeRequest, which sees every request before it is
// answered, it can make members join and leave and add faults, at exactly
// the point of the read it chooses.

// AddFault adds a request or listing fault after the world's own. Membership
// changes are made with Join and Leave instead.
func (s *Server) AddFault(f Fault) error {
	switch f.Kind {
	case FaultMemberLeaves, FaultMemberJoins, FaultMemberChurn:
		return fmt.Errorf("kind %q is not added at run time; use Join and Leave", f.Kind)
	}
	if err := f.validate(nil); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.world.Faults = append(s.world.Faults, f)
	s.faultsLeft = append(s.faultsLeft, f.Count)
	return nil
}

// Join makes m a member of the organization adminUin runs, at position at
// of its listing order (the end when at is past it).
func (s *Server) Join(adminUin int64, m Member, at int) error {
	if err := m.validate(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	org := s.orgOfUin[adminUin]
	if org == nil || org.AdminUin != adminUin {
		return fmt.Errorf("%d runs no organization", adminUin)
	}
	if s.orgOfUin[m.MemberUin] != nil {
		return fmt.Errorf("%d already belongs to an organization", m.MemberUin)
	}
	s.join(org, m, at)
	return nil
}

// Leave removes uin from its organization.
func (s *Server) Leave(uin int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	org := s.orgOfUin[uin]
	if org == nil || !slices.ContainsFunc(org.Members, func(m Member) bool { return m.MemberUin == uin }) {
		return fmt.Errorf("%d is no organization's member", uin)
	}
	s.leave(uin)
	return nil
}
