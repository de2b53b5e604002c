// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"bytes"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// updateGolden rewrites testdata/state-*.msgpack from the current code:
// only for a change that means to change state, reviewed by its diff.
var updateGolden = flag.Bool("update-golden", false, "rewrite the recorded states of TestStateIsByteIdenticalToTheRecordedState")

// goldenCase is one read whose state was recorded: the world's size and
// faults, and the data source's arguments.
type goldenCase struct {
	name      string
	members   int
	extra     string
	arguments func(t tftypes.Object) map[string]tftypes.Value
}

func goldenCases() []goldenCase {
	uins := func(us ...int64) tftypes.Value {
		values := make([]tftypes.Value, len(us))
		for i, u := range us {
			values[i] = tftypes.NewValue(tftypes.Number, new(big.Float).SetInt64(u))
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.Number}, values)
	}
	statuses := func(ss ...string) tftypes.Value {
		values := make([]tftypes.Value, len(ss))
		for i, s := range ss {
			values[i] = tftypes.NewValue(tftypes.String, s)
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, values)
	}
	none := func(tftypes.Object) map[string]tftypes.Value { return nil }
	return []goldenCase{
		// Two listing pages; the odd member has nulls, zeros and empty
		// lists, and the last member has no field at all.
		{name: "whole", members: 60, arguments: none},
		{name: "listing-only", members: 60, arguments: func(tftypes.Object) map[string]tftypes.Value {
			return map[string]tftypes.Value{"include_email_bind": tftypes.NewValue(tftypes.Bool, false)}
		}},
		{name: "bind-status", members: 60, arguments: func(tftypes.Object) map[string]tftypes.Value {
			return map[string]tftypes.Value{"bind_status": statuses("Unbound", "Valid")}
		}},
		{name: "member-uins", members: 60, arguments: func(tftypes.Object) map[string]tftypes.Value {
			return map[string]tftypes.Value{"member_uins": uins(acctest.FirstInventoryUin+59, acctest.OddMember, acctest.FirstInventoryUin)}
		}},
		{name: "member-leaves", members: 120, arguments: none,
			extra: fmt.Sprintf(`, "faults": [{"kind": "member_leaves", "member_uin": %d, "after_page": 3}]`, acctest.FirstInventoryUin+5)},
		{name: "member-joins", members: 120, arguments: none,
			extra: fmt.Sprintf(`, "faults": [{"kind": "member_joins", "after_page": 1,
			  "member": {"member_uin": %d, "listing": {"Name": "newcomer"}, "email_bind": {"BindStatus": "Unbound"}}}]`, acctest.FirstInventoryUin+500)},
		// A binding that cannot be read sets no state at all.
		{name: "failed", members: 60, arguments: none,
			extra: fmt.Sprintf(`, "faults": [{"kind": "internal_error", "member_uin": %d}]`, acctest.FirstInventoryUin+30)},
	}
}

// The state Terraform receives, msgpack as sent over gRPC, is compared
// with the state recorded before the conversion was rewritten for scale:
// of the same size, and the same value once decoded (msgpack maps, such as
// bind_status_counts, are written in Go's map order, so the bytes vary from
// run to run). A dropped field, a null that became a zero or an empty
// list, a member out of order or a partial state on failure fails it.
//
// Both ways of serving the provider are checked: as main serves it, where
// the data source hands over its state encoded (encodedstate), and by the
// framework alone, where it sets its state as any data source does.
func TestStateIsByteIdenticalToTheRecordedState(t *testing.T) {
	t.Run("encoded by the data source", func(t *testing.T) { testRecordedStates(t, newInProcess) })
	t.Run("encoded by the framework", func(t *testing.T) { testRecordedStates(t, newFrameworkOnly) })
}

func testRecordedStates(t *testing.T, serve func(testing.TB, string, map[string]tftypes.Value) *inProcess) {
	for _, c := range goldenCases() {
		t.Run(c.name, func(t *testing.T) {
			_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, c.members, c.extra))
			// The failed read fails at once rather than after retries.
			p := serve(t, endpoints.Organization, map[string]tftypes.Value{
				"rate_limit": tftypes.NewValue(tftypes.Number, 1000), "max_retries": tftypes.NewValue(tftypes.Number, 0),
			})
			state, diags := p.read(t, c.arguments(p.dataSourceType()))
			var got []byte
			if state != nil {
				got = state.MsgPack
			}
			if hasError(diags) != (c.name == "failed") {
				t.Fatalf("diagnostics: %v", diags)
			}
			golden := filepath.Join("testdata", "state-"+c.name+".msgpack")
			if *updateGolden {
				if err := os.WriteFile(golden, got, 0o600); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) || !sameState(t, p.dataSourceType(), got, want) {
				t.Errorf("state differs from %s (%d bytes, want %d): %s", golden, len(got), len(want), stateDiff(t, p.dataSourceType(), got, want))
			}
		})
	}
}

func sameState(t *testing.T, typ tftypes.Type, got, want []byte) bool {
	if bytes.Equal(got, want) {
		return true
	}
	if len(got) == 0 || len(want) == 0 {
		return false
	}
	g, err := (&tfprotov6.DynamicValue{MsgPack: got}).Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	w, err := (&tfprotov6.DynamicValue{MsgPack: want}).Unmarshal(typ)
	if err != nil {
		t.Fatal(err)
	}
	return g.Equal(w)
}

// stateDiff names the attributes that differ between two msgpack states.
func stateDiff(t *testing.T, typ tftypes.Type, got, want []byte) string {
	if len(got) == 0 || len(want) == 0 {
		return "one of them is empty"
	}
	decode := func(b []byte) tftypes.Value {
		v, err := (&tfprotov6.DynamicValue{MsgPack: b}).Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	diffs, err := decode(got).Diff(decode(want))
	if err != nil {
		return err.Error()
	}
	out := ""
	for i, d := range diffs {
		if i == 5 {
			return out + fmt.Sprintf(" ... (%d differences)", len(diffs))
		}
		out += fmt.Sprintf("\n  %s: got %v, want %v", d.Path, d.Value1, d.Value2)
	}
	return out
}
