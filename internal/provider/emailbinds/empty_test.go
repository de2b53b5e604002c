// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
)

func TestTheFiltersAreNamedAsWrittenWithOddTagKeysQuoted(t *testing.T) {
	tags := types.MapValueMust(types.StringType, map[string]attr.Value{
		"env": types.StringValue("prd"), "a\"b\nWarning: fake": types.StringValue(`x"y`),
	})
	got := strings.Join(filtersGiven(dataSourceModel{
		NodeID: emailbind.NumberValue(2001), NodeName: types.StringValue("Ops"), Tags: tags,
	}), " and ")
	want := `node_id = 2001 and node_name = "Ops" and tags = { "a\"b\nWarning: fake" = "x\"y", env = "prd" }`
	if got != want {
		t.Errorf("filters named as\n%s\nwant\n%s", got, want)
	}
}
