// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"bytes"
	"maps"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// The state is assembled from encoded parts in the layout tftypes gives a
// whole value (value_msgpack.go in terraform-plugin-go): an object is a map
// of its attributes in name order, a list an array of its elements. The
// recorded states (TestStateIsByteIdenticalToTheRecordedState) hold it to
// that layout.

// encodeMembers encodes the members as a list, one at a time, dropping
// each member's API records once encoded.
func encodeMembers(inventory *organization.Inventory, diags *diag.Diagnostics) ([]byte, error) {
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	if err := enc.EncodeArrayLen(len(inventory.Members)); err != nil {
		return nil, err
	}
	for i := range inventory.Members {
		member, err := tfprotov6.NewDynamicValue(tfTypes.member, memberState(i, &inventory.Members[i], diags))
		if err != nil {
			return nil, err
		}
		inventory.Members[i] = organization.InventoryMember{}
		buf.Write(member.MsgPack)
	}
	return buf.Bytes(), nil
}

// encodeObject encodes an object of type t from its attributes, taking
// those in encoded as they are, already encoded.
func encodeObject(t tftypes.Object, attributes map[string]tftypes.Value, encoded map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	names := slices.Sorted(maps.Keys(t.AttributeTypes))
	if err := enc.EncodeMapLen(len(names)); err != nil {
		return nil, err
	}
	for _, name := range names {
		if err := enc.EncodeString(name); err != nil {
			return nil, err
		}
		if b, ok := encoded[name]; ok {
			buf.Write(b)
			continue
		}
		value, err := tfprotov6.NewDynamicValue(t.AttributeTypes[name], attributes[name])
		if err != nil {
			return nil, err
		}
		buf.Write(value.MsgPack)
	}
	return buf.Bytes(), nil
}
