// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// BenchmarkReadWholeOrganization is the provider's own cost of reading
// an organization of n members, in process against an emulator fast
// enough not to be the bottleneck: for profiles (-cpuprofile, -memprofile)
// of where the cost per member goes as n grows. It reports the time from
// the emulator's last request to the end of the read, the state's
// conversion and encoding, which no API call overlaps.
//
//	go test -run '^$' -bench ReadWholeOrganization -benchtime 1x ./internal/provider/emailbinds/
func BenchmarkReadWholeOrganization(b *testing.B) {
	for _, n := range []int{1000, 3000, 10000} {
		b.Run(fmt.Sprintf("members=%d", n), func(b *testing.B) {
			world := acctest.InventoryWorld(b, n, "")
			world.RateLimit = 1 << 30
			fillEveryField(world.Organizations[0].Members)
			srv, endpoints := acctest.ServeWorld(b, world)
			p := newInProcess(b, endpoints.Organization, map[string]tftypes.Value{"rate_limit": tftypes.NewValue(tftypes.Number, 1e6)})
			var afterLast time.Duration
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				before := len(srv.Requests())
				state, diags := p.read(b, nil)
				end := time.Now()
				if hasError(diags) || state == nil {
					b.Fatalf("read failed: %v", diags)
				}
				requests := srv.Requests()
				if len(requests) == before {
					b.Fatal("no request reached the emulator")
				}
				// Reads run at once and are recorded when answered, so
				// the last recorded need not have arrived last.
				last := requests[before].Time
				for _, r := range requests[before:] {
					if r.Time.After(last) {
						last = r.Time
					}
				}
				afterLast += end.Sub(last)
			}
			b.ReportMetric(float64(afterLast.Milliseconds())/float64(b.N), "ms-after-last-request")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "us/member")
		})
	}
}

// fillEveryField gives members every listing and binding field, as the
// bench's organization has (tools/bench/world.go), so that the profile is
// of a real organization's state rather than of mostly null fields.
func fillEveryField(members []emulator.Member) {
	for i := range members {
		uin := members[i].MemberUin
		members[i].Listing = []byte(fmt.Sprintf(`{"Name": "member-%d", "NickName": "nick-%d", "MemberType": "Create",
		  "NodeId": 2001, "NodeName": "unit-2001", "Remark": "bench member", "CreateTime": "2024-01-02 03:04:05",
		  "UpdateTime": "2024-06-07 08:09:10", "IsAllowQuit": "Allow", "PayUin": "1", "PayName": "admin",
		  "PermissionStatus": "Confirmed", "OrgPolicyType": "Financial", "OrgPolicyName": "Finance management",
		  "OrgPermission": [{"Id": 1, "Name": "View bills"}, {"Id": 2, "Name": "Allocate funds"}],
		  "OrgIdentity": [{"IdentityId": 1, "IdentityAliasName": "Admin"}],
		  "Tags": [{"TagKey": "env", "TagValue": "prod"}, {"TagKey": "team", "TagValue": "t%d"}]}`, uin, uin, uin%10))
		members[i].EmailBind = []byte(fmt.Sprintf(`{"BindId": %d, "ApplyTime": "2024-01-02 03:04:05", "Email": "m%d@example.com",
		  "Phone": "18***32", "BindStatus": "Success", "BindTime": "2024-01-03 04:05:06",
		  "Description": "success", "PhoneBind": 1, "CountryCode": "86"}`, i+1, uin))
	}
}
