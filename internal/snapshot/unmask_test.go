// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot_test

import (
	"fmt"
	"testing"
)

// unmask checks that every personal attribute of got, read from a masked
// snapshot, is the mask of want's (null and "" kept as they were), and
// then puts want's value back, so that what remains to compare is
// everything masking must leave alone.
func unmask(t *testing.T, got, want dataValues) {
	t.Helper()
	gotMembers, _ := got[allAddress]["members"].([]any)
	wantMembers, _ := want[allAddress]["members"].([]any)
	if len(gotMembers) != len(wantMembers) {
		t.Fatalf("%d members read from the snapshot, want %d", len(gotMembers), len(wantMembers))
	}
	for i := range wantMembers {
		g, _ := gotMembers[i].(map[string]any)
		w, _ := wantMembers[i].(map[string]any)
		uin := fmt.Sprint(w["member_uin"])
		payer := fmt.Sprint(w["pay_uin"])
		for name, mask := range map[string]string{
			"name": "member-" + uin, "nick_name": "nick-" + uin, "pay_name": "payer-" + payer, "remark": "remark-" + uin,
		} {
			unmaskOne(t, fmt.Sprintf("members[%d].%s", i, name), g, w, name, mask)
		}
		gb, _ := g["email_bind"].(map[string]any)
		wb, _ := w["email_bind"].(map[string]any)
		unmaskBind(t, fmt.Sprintf("members[%d].email_bind", i), gb, wb, uin)
	}
	for _, address := range []string{oddAddress, unboundAddress} {
		unmaskBind(t, address, got[address], want[address], fmt.Sprint(want[address]["member_uin"]))
	}
}

func unmaskBind(t *testing.T, where string, got, want map[string]any, uin string) {
	t.Helper()
	unmaskOne(t, where+".email", got, want, "email", "member-"+uin+"@example.invalid")
	unmaskOne(t, where+".phone", got, want, "phone", "00***"+uin[len(uin)-2:])
}

// unmaskOne checks got[name] against mask, or against want[name] when
// that is null or empty, and sets it to want[name].
func unmaskOne(t *testing.T, where string, got, want map[string]any, name, mask string) {
	t.Helper()
	expected := any(mask)
	if w, ok := want[name].(string); !ok || w == "" {
		expected = want[name]
	}
	if got[name] != expected {
		t.Errorf("%s = %#v, want %#v", where, got[name], expected)
	}
	got[name] = want[name]
}
