// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

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
		case FaultListingTotalDeficit:
			total -= min(f.Deficit, total)
		}
	}
	return page, total
}
