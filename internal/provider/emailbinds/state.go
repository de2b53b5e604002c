// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"context"
	"fmt"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
)

// State is encoded member by member, as Terraform receives it (msgpack),
// rather than built whole as framework values and set with resp.State.Set:
// that held every member several times over (framework values, the
// Terraform values converted from them, each object with a type map of its
// own, then the framework's copies after Read, see encodedstate), over
// 400 MB at 10,000 members. Here one member at a time is a Terraform value,
// sharing its types with the others; it is encoded, and its API records
// and value are dropped before the next. What stays is the encoding, under
// 1 KB a member. Measured: see DESIGN.md, "memory choice".

// stateTypes are the Terraform types of the data source's state and of
// its nested objects, from the schema, so that the two cannot disagree.
type stateTypes struct {
	state, member, emailBind, tag, permission, identity tftypes.Object
}

var tfTypes = newStateTypes()

func newStateTypes() stateTypes {
	state := objectOf(dataSourceSchema().Type().TerraformType(context.Background()))
	member := listElementOf(state.AttributeTypes["members"])
	return stateTypes{
		state:      state,
		member:     member,
		emailBind:  objectOf(member.AttributeTypes["email_bind"]),
		tag:        listElementOf(member.AttributeTypes["tags"]),
		permission: listElementOf(member.AttributeTypes["org_permission"]),
		identity:   listElementOf(member.AttributeTypes["org_identity"]),
	}
}

// objectOf and listElementOf read the schema's types, which are fixed: a
// mismatch is a bug that fails every test, so it panics at start.
func objectOf(t tftypes.Type) tftypes.Object {
	object, ok := t.(tftypes.Object)
	if !ok {
		panic(fmt.Sprintf("emailbinds: %s is not an object type", t))
	}
	return object
}

func listElementOf(t tftypes.Type) tftypes.Object {
	list, ok := t.(tftypes.List)
	if !ok {
		panic(fmt.Sprintf("emailbinds: %s is not a list type", t))
	}
	return objectOf(list.ElementType)
}

// encodeState is the state of a read, encoded: the configuration's
// arguments as given, and the computed attributes from the inventory. It
// empties inventory.Members as it goes, so that each member's API records
// can be collected once encoded; the caller must not read them afterwards.
func encodeState(config tftypes.Value, inventory *organization.Inventory, memberUins bool) (tfprotov6.DynamicValue, diag.Diagnostics) {
	var diags diag.Diagnostics
	attributes := map[string]tftypes.Value{}
	// As hands over the configuration's own map, which must stay as it is:
	// the framework compares it with state after Read.
	var arguments map[string]tftypes.Value
	if err := config.As(&arguments); err != nil {
		diags.AddError(conns.SummaryUnexpectedData, "The configuration is not an object: "+err.Error())
		return tfprotov6.DynamicValue{}, diags
	}
	maps.Copy(attributes, arguments)
	counts := map[string]int64{}
	for i := range inventory.Members {
		if status := inventory.Members[i].BindStatus(); status != nil {
			counts[*status]++
		}
	}
	members, err := encodeMembers(inventory, &diags)
	if err != nil {
		diags.AddError(conns.SummaryUnexpectedData, "The state could not be encoded: "+err.Error())
		return tfprotov6.DynamicValue{}, diags
	}
	countValues := make(map[string]tftypes.Value, len(counts))
	for status, n := range counts {
		countValues[status] = tftypes.NewValue(tftypes.Number, n)
	}
	attributes["total"] = tftypes.NewValue(tftypes.Number, int64(len(inventory.Members)))
	attributes["bind_status_counts"] = tftypes.NewValue(tfTypes.state.AttributeTypes["bind_status_counts"], countValues)
	// A successful listing always confirms the read; member_uins lists nothing.
	attributes["listing_consistent"] = tftypes.NewValue(tftypes.Bool, true)
	if memberUins {
		attributes["listing_consistent"] = tftypes.NewValue(tftypes.Bool, nil)
	}
	state, err := encodeObject(tfTypes.state, attributes, map[string][]byte{"members": members})
	if err != nil {
		diags.AddError(conns.SummaryUnexpectedData, "The state could not be encoded: "+err.Error())
	}
	return tfprotov6.DynamicValue{MsgPack: state}, diags
}

// setDecoded sets an encoded state the framework alone serves, as in tests
// of the framework's own path.
func setDecoded(s *tfsdk.State, state tfprotov6.DynamicValue) diag.Diagnostics {
	var diags diag.Diagnostics
	value, err := state.Unmarshal(tfTypes.state)
	if err != nil {
		diags.AddError(conns.SummaryUnexpectedData, "The state could not be decoded: "+err.Error())
		return diags
	}
	s.Raw = value
	return diags
}
