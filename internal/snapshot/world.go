// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"fmt"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// The key pair a snapshot holds for its organization's admin, in place of
// the credential it was recorded with, so that the emulator serves it as
// it is. It is public, documented and fixed: it opens nothing but an
// emulator serving a snapshot.
const (
	TestSecretID  = "AKIDsnapshotAdminTestKey0000000000"
	TestSecretKey = "snapshot-admin-test-secret-key-not-a-secret"
)

// buildWorld is the emulator's world of the organization adminUin runs,
// holding the inventory's members and the units their listings name, and
// the one test key pair of its admin. Without keepContacts, personal
// fields are masked.
func buildWorld(adminUin int64, inv *organization.Inventory, keepContacts bool) (emulator.World, error) {
	org := emulator.Organization{AdminUin: adminUin, Members: []emulator.Member{}}
	seen := map[int64]bool{}
	for _, m := range inv.Members {
		member, err := worldMember(m, keepContacts)
		if err != nil {
			return emulator.World{}, fmt.Errorf("member %d: %w", m.MemberUin, err)
		}
		org.Members = append(org.Members, member)
		if node, ok := nodeOf(m.Listing); ok && !seen[node.NodeID] {
			seen[node.NodeID] = true
			org.Nodes = append(org.Nodes, node)
		}
	}
	return emulator.World{
		Credentials:   []emulator.Credential{{SecretID: TestSecretID, SecretKey: TestSecretKey, Uin: adminUin}},
		Organizations: []emulator.Organization{org},
	}, nil
}

// worldMember is one member's records as the world holds them. AuthName is
// left out: no action we read returns it.
func worldMember(m organization.InventoryMember, keepContacts bool) (emulator.Member, error) {
	listing, err := listingFields(m.Listing)
	if err != nil {
		return emulator.Member{}, err
	}
	bind, err := bindFields(m.EmailBind)
	if err != nil {
		return emulator.Member{}, err
	}
	if !keepContacts {
		maskListing(m.MemberUin, listing)
		maskBind(m.MemberUin, bind)
	}
	member := emulator.Member{MemberUin: m.MemberUin}
	if member.Listing, err = listing.raw(); err != nil {
		return member, err
	}
	member.EmailBind, err = bind.raw()
	return member, err
}

// nodeOf is the unit a listing puts its member in. The API we read has no
// listing of units, so units are known only through their members: one
// without members is not in a snapshot. A unit the world could not hold
// (no positive ID or no name) is left to the member's listing, which names
// it anyway.
func nodeOf(l *organization.OrgMember) (emulator.Node, bool) {
	if l == nil || l.NodeId == nil || *l.NodeId <= 0 || l.NodeName == nil || *l.NodeName == "" {
		return emulator.Node{}, false
	}
	return emulator.Node{NodeID: *l.NodeId, Name: *l.NodeName}, true
}
