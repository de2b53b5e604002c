// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// State is built as Terraform values (tftypes) directly, not through the
// framework's types and resp.State.Set: that path holds every member three
// times over (attr values, then the tftypes values converted from them,
// each object with a type map of its own) and costs most of the time after
// the last call. Measured in process at 10,000 members (go test -bench
// ReadWholeOrganization): see DESIGN.md, "memory choice". Here every
// member's value shares its type with the others, and each member's API
// records are dropped as soon as it is converted.

// stateTypes are the Terraform types of the data source's state and of
// its nested objects, from the schema, so that the two cannot disagree.
type stateTypes struct {
	state, member, emailBind, tag, permission, identity tftypes.Object
}

var tfTypes = newStateTypes()

func newStateTypes() stateTypes {
	state := dataSourceSchema().Type().TerraformType(context.Background()).(tftypes.Object)
	member := state.AttributeTypes["members"].(tftypes.List).ElementType.(tftypes.Object)
	element := func(name string) tftypes.Object {
		return member.AttributeTypes[name].(tftypes.List).ElementType.(tftypes.Object)
	}
	return stateTypes{
		state:      state,
		member:     member,
		emailBind:  member.AttributeTypes["email_bind"].(tftypes.Object),
		tag:        element("tags"),
		permission: element("org_permission"),
		identity:   element("org_identity"),
	}
}

// stateValue is the state of a read: the configuration's arguments as
// given, and the computed attributes from the inventory. It empties
// inventory.Members as it goes, so that each member's API records can be
// collected once converted; the caller must not read them afterwards.
func stateValue(config tftypes.Value, inventory *organization.Inventory, memberUins bool) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	var arguments map[string]tftypes.Value
	if err := config.As(&arguments); err != nil {
		diags.AddError("Unexpected Configuration", "The configuration is not an object: "+err.Error())
		return tftypes.Value{}, diags
	}
	// As returns the configuration's own map: setting members in it would
	// change the request's configuration, which the framework then compares
	// with state member by member (semantic equality), seconds at 10,000.
	attributes := maps.Clone(arguments)
	members := make([]tftypes.Value, len(inventory.Members))
	counts := map[string]int64{}
	for i := range inventory.Members {
		if status := inventory.Members[i].BindStatus(); status != nil {
			counts[*status]++
		}
		members[i] = memberState(i, &inventory.Members[i], &diags)
		inventory.Members[i] = organization.InventoryMember{}
	}
	countValues := make(map[string]tftypes.Value, len(counts))
	for status, n := range counts {
		countValues[status] = tftypes.NewValue(tftypes.Number, n)
	}
	attributes["members"] = tftypes.NewValue(tfTypes.state.AttributeTypes["members"], members)
	attributes["total"] = tftypes.NewValue(tftypes.Number, int64(len(members)))
	attributes["bind_status_counts"] = tftypes.NewValue(tfTypes.state.AttributeTypes["bind_status_counts"], countValues)
	// A successful listing always confirms the read; member_uins lists nothing.
	attributes["listing_consistent"] = tftypes.NewValue(tftypes.Bool, true)
	if memberUins {
		attributes["listing_consistent"] = tftypes.NewValue(tftypes.Bool, nil)
	}
	return tftypes.NewValue(tfTypes.state, attributes), diags
}
