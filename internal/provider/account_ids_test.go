// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

// How allowed_account_ids and forbidden_account_ids refuse what cannot be
// an account ID, at validation and again at configure time.

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func accountIDSet(ids ...string) types.Set {
	elements := make([]attr.Value, len(ids))
	for i, id := range ids {
		elements[i] = types.StringValue(id)
	}
	return types.SetValueMust(types.StringType, elements)
}

// details joins the details of every diagnostic, with their summaries.
func details(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + ": " + d.Detail() + "\n")
	}
	return b.String()
}

// elementValidator is the validator of each account ID; the others need a
// whole configuration.
func elementValidator(t *testing.T) validator.Set {
	t.Helper()
	for _, v := range allowedAccountIDsAttribute().Validators {
		if strings.Contains(v.Description(context.Background()), "account UIN") {
			return v
		}
	}
	t.Fatal("allowed_account_ids has no validator of its elements")
	return nil
}

func TestAnAccountIDIsRefusedForWhatIsWrongWithItAlone(t *testing.T) {
	for value, tc := range map[string]struct{ want, not string }{
		"qcs::cam::uin/100000000001": {want: "is not an account UIN", not: "leading zero"},
		"":                           {want: "is not an account UIN", not: "leading zero"},
		"0100000000001":              {want: `has a leading zero: write it as "100000000001"`, not: "not an account UIN"},
		"100000000001":               {},
	} {
		var resp validator.SetResponse
		elements := elementValidator(t)
		elements.ValidateSet(context.Background(), validator.SetRequest{
			Path: path.Root("allowed_account_ids"), ConfigValue: accountIDSet(value),
		}, &resp)
		got := details(resp.Diagnostics)
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) || tc.not != "" && strings.Contains(got, tc.not) {
			t.Errorf("%q: got %q, want %q without %q", value, got, tc.want, tc.not)
		}
	}
}

func TestAnAccountListNotYetKnownSaysLeavingItUnsetTurnsTheGuardOff(t *testing.T) {
	unknown := types.SetUnknown(types.StringType)
	for attribute, m := range map[string]providerModel{
		"allowed_account_ids":   {AllowedAccountIDs: unknown},
		"forbidden_account_ids": {ForbiddenAccountIDs: unknown},
	} {
		got := details(rejectUnknown(m))
		if !strings.Contains(got, attribute) || strings.Contains(got, "use its environment variable") ||
			!strings.Contains(got, "has no environment variable") {
			t.Errorf("%s: %q, want it to say the attribute has no environment variable and leaving it unset turns the guard off", attribute, got)
		}
	}
}

func TestAnAccountIDThatReachedConfigureMalformedFailsRatherThanForbiddingNothing(t *testing.T) {
	diags := checkAccount(context.Background(), providerModel{ForbiddenAccountIDs: accountIDSet("0100000000001")}, settings{})
	if len(diags) != 1 || diags[0].Summary() != summaryInvalidAccountID {
		t.Fatalf("diagnostics = %q, want one %q", details(diags), summaryInvalidAccountID)
	}
	if d, ok := diags[0].(diag.DiagnosticWithPath); !ok || !d.Path().Equal(path.Root("forbidden_account_ids")) {
		t.Errorf("diagnostic %v is not on forbidden_account_ids", diags[0])
	}
}
