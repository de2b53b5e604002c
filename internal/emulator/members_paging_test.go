// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"slices"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

func TestListingPagesThroughEveryMember(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, membersWorld(""))
	var seen []int64
	for offset := 0; offset <= 15; offset += 5 {
		p := mustList(t, endpoints.Organization, adminCred, map[string]any{"Offset": offset, "Limit": 5})
		if p.Total != "12" {
			t.Errorf("offset %d: Total = %s, want 12", offset, p.Total)
		}
		if want := min(5, max(0, 12-offset)); len(p.Items) != want {
			t.Errorf("offset %d: %d items, want %d", offset, len(p.Items), want)
		}
		seen = append(seen, p.uins()...)
	}
	if !slices.Equal(seen, allUins()) {
		t.Errorf("pages listed %v, want every member in world order %v", seen, allUins())
	}
	reqs := srv.Requests()
	if len(reqs) != 4 || reqs[2].Params["Offset"] != "10" || reqs[2].Params["Limit"] != "5" || reqs[2].SecretID != "AKIDadmin" {
		t.Errorf("recorded %+v, want the third request to carry Offset 10 and Limit 5", reqs)
	}
}

func TestListingDefaultsToTenFromTheStart(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, membersWorld(""))
	p := mustList(t, endpoints.Organization, adminCred, map[string]any{})
	if !slices.Equal(p.uins(), allUins()[:10]) || p.Total != "12" {
		t.Errorf("listed %v of %s, want the first 10 of 12", p.uins(), p.Total)
	}
	if p := mustList(t, endpoints.Organization, adminCred, map[string]any{"Offset": 10}); !slices.Equal(p.uins(), allUins()[10:]) {
		t.Errorf("Offset 10 listed %v, want the last 2", p.uins())
	}
}
