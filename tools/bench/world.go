// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// The bench organization: one management account, whose key every plan
// uses (plans run at once each have a key of it, timeline.go), and n
// members with consecutive UINs from firstUin.
const (
	firstUin  int64 = 300000000000
	adminUin        = 1
	secretID        = "AKIDbench"
	secretKey       = "bench-key"
)

// listingPages is how many pages one listing of n members reads,
// organization.ListingCalls; a confirmed read lists twice.
func listingPages(n int) int {
	return organization.ListingCalls(uint64(n))
}

// targetPages is the pages the target for a read with bindings
// counts, ceil(n/50): one listing's pages holding members. The confirming
// listing's calls, and the empty page at offset n when there is one, must
// fit in the margin above it; the report shows the calls actually made.
func targetPages(n int) int {
	return (n + organization.MaxMembersPageSize - 1) / organization.MaxMembersPageSize
}

// memberUin is the UIN of member i.
func memberUin(i int) int64 { return firstUin + int64(i) }

// memberName and memberEmail are what the world holds for member i, so
// that verification can check every member's fields came back, not just
// that some member did.
func memberName(i int) string  { return fmt.Sprintf("member-%d", i) }
func memberEmail(i int) string { return fmt.Sprintf("member%d@example.com", i) }

// benchWorld is an organization of n members whose records have every
// field, so that the provider's memory and state size are those of a real
// organization rather than of empty records.
func benchWorld(n, rateLimit int, window string, jitter time.Duration) (emulator.World, error) {
	world := emulator.World{
		RateLimit:     rateLimit,
		RateWindow:    window,
		ArrivalJitter: jitter.String(),
		Credentials:   []emulator.Credential{{SecretID: secretID, SecretKey: secretKey, Uin: adminUin}},
		Organizations: []emulator.Organization{{AdminUin: adminUin}},
	}
	members := make([]emulator.Member, n)
	for i := range n {
		node := 2001 + i%4
		members[i] = emulator.Member{
			MemberUin: memberUin(i),
			AuthName:  fmt.Sprintf("Company %d", i%7),
			Listing: []byte(fmt.Sprintf(`{"Name": %q, "NickName": "nick-%d", "MemberType": "Create",
			  "NodeId": %d, "NodeName": "unit-%d", "Remark": "bench member %d",
			  "CreateTime": "2024-01-02 03:04:05", "UpdateTime": "2024-06-07 08:09:10", "IsAllowQuit": "Allow",
			  "PayUin": "%d", "PayName": "admin", "PermissionStatus": "Confirmed",
			  "OrgPolicyType": "Financial", "OrgPolicyName": "Finance management",
			  "OrgPermission": [{"Id": 1, "Name": "View bills"}, {"Id": 2, "Name": "Allocate funds"}],
			  "OrgIdentity": [{"IdentityId": 1, "IdentityAliasName": "Admin"}],
			  "Tags": [{"TagKey": "env", "TagValue": "prod"}, {"TagKey": "team", "TagValue": "t%d"}]}`,
				memberName(i), i, node, node, i, adminUin, i%10)),
			EmailBind: []byte(fmt.Sprintf(`{"BindId": %d, "ApplyTime": "2024-01-02 03:04:05", "Email": %q,
			  "Phone": "18***32", "BindStatus": "Success", "BindTime": "2024-01-03 04:05:06",
			  "Description": "success", "PhoneBind": 1, "CountryCode": "86"}`, i+1, memberEmail(i))),
		}
	}
	world.Organizations[0].Members = members
	return world, world.Validate()
}

// emulatorRun is one emulator serving the bench world on a loopback port.
// Each plan gets its own, so that its request log holds that plan's
// requests only and no rate window carries over from the plan before.
type emulatorRun struct {
	srv      *emulator.Server
	http     *http.Server
	endpoint string
}

func startEmulator(world emulator.World) (*emulatorRun, error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	run := &emulatorRun{srv: emulator.New(world), endpoint: "http://" + listener.Addr().String()}
	// The bench reads the Organization API only.
	run.http = &http.Server{Handler: run.srv.Handler(emulator.ServiceOrganization)}
	go func() { _ = run.http.Serve(listener) }()
	return run, nil
}

func (e *emulatorRun) stop() { _ = e.http.Close() }
