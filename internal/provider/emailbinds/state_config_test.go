// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// The framework compares the configuration with the state after Read, and
// tftypes hands out the configuration's own map: writing the computed
// attributes into it would make every member part of that comparison.
func TestEncodingTheStateLeavesTheConfigurationAsItWas(t *testing.T) {
	attributes := map[string]tftypes.Value{}
	for name, typ := range tfTypes.state.AttributeTypes {
		attributes[name] = tftypes.NewValue(typ, nil)
	}
	config := tftypes.NewValue(tfTypes.state, attributes)
	before := config.Copy()
	inventory := &organization.Inventory{Members: []organization.InventoryMember{{MemberUin: 1}}}
	if _, diags := encodeState(config, inventory, false); diags.HasError() {
		t.Fatal(diags)
	}
	if !config.Equal(before) {
		t.Errorf("the configuration changed while the state was encoded:\n%v", config)
	}
}
