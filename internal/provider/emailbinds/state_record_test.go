// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
)

// The whole-organization read writes a binding as Terraform values and the
// single data source as framework values: two mappings of one record, which
// must not drift apart. Every field is set, so a field one maps and the
// other does not, or maps elsewhere, shows.
func TestABindingIsTheSameInBothDataSources(t *testing.T) {
	s := func(v string) *string { return &v }
	u := func(v uint64) *uint64 { return &v }
	record := &organization.DescribeOrganizationMemberEmailBindResponseParams{
		BindId: u(7), ApplyTime: s("2024-01-02 03:04:05"), Email: s("a@example.com"), Phone: s("18***32"),
		BindStatus: s("Success"), BindTime: s("2024-01-03 04:05:06"), Description: s("ok"), PhoneBind: u(1), CountryCode: s("86"),
	}
	for _, r := range []*organization.DescribeOrganizationMemberEmailBindResponseParams{record, {}} {
		var diags diag.Diagnostics
		plural := emailBindState(r, func(string) path.Path { return path.Empty() }, &diags)
		single, d := types.ObjectValueFrom(context.Background(), emailBindAttrTypes(), emailbind.RecordValue(path.Empty(), r, &diags))
		diags.Append(d...)
		want, err := single.ToTerraformValue(context.Background())
		if err != nil || diags.HasError() {
			t.Fatalf("converting: %v %v", err, diags)
		}
		if !plural.Equal(want) {
			t.Errorf("the whole-organization read writes the binding\n%v\nthe single data source\n%v", plural, want)
		}
	}
}

func emailBindAttrTypes() map[string]attr.Type {
	attrTypes := map[string]attr.Type{}
	for name, a := range emailbind.RecordAttributes() {
		attrTypes[name] = a.GetType()
	}
	return attrTypes
}
