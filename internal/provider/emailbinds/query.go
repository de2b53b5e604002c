// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
)

// inventoryQuery turns the configuration into what to read, with progress
// reported at INFO.
func inventoryQuery(ctx context.Context, config dataSourceModel, progress *readProgress) (organization.InventoryQuery, diag.Diagnostics) {
	query := organization.InventoryQuery{
		EmailBinds: config.IncludeEmailBind.IsNull() || config.IncludeEmailBind.ValueBool(),
		Reads: organization.EmailBindReads{
			MemberContext: func(ctx context.Context, uin int64) context.Context { return tflog.SetField(ctx, "member_uin", uin) },
			Progress:      progress.bindings,
		},
		OnListed: func(ctx context.Context, n int, total uint64, held int) {
			tflog.Info(ctx, logListed, map[string]any{"listing": n, "total": total, "held": held})
		},
		OnReading: progress.reading,
	}
	var diags diag.Diagnostics
	if !config.BindStatus.IsNull() {
		diags.Append(config.BindStatus.ElementsAs(ctx, &query.BindStatus, false)...)
	}
	if !config.MemberUins.IsNull() {
		query.MemberUins = memberUinsOf(config.MemberUins, &diags)
		slices.Sort(query.MemberUins)
		return query, diags
	}
	var filterDiags diag.Diagnostics
	query.Filter, filterDiags = listingFilter(ctx, config)
	diags.Append(filterDiags...)
	return query, diags
}

// listingFilter turns the filter arguments into the listing's parameters.
func listingFilter(ctx context.Context, config dataSourceModel) (organization.MemberFilter, diag.Diagnostics) {
	filter := organization.MemberFilter{
		SearchKey: config.SearchKey.ValueStringPointer(),
		AuthName:  config.AuthName.ValueStringPointer(),
		Product:   config.Product.ValueStringPointer(),
		NodeName:  config.NodeName.ValueStringPointer(),
	}
	var diags diag.Diagnostics
	if !config.NodeID.IsNull() {
		id, err := emailbind.NodeID.Int64(config.NodeID)
		if err != nil {
			diags.Append(emailbind.NodeID.Diagnostic(path.Root("node_id"), err))
		}
		unsigned := uint64(id)
		filter.NodeId = &unsigned
	}
	var tags map[string]string
	diags.Append(config.Tags.ElementsAs(ctx, &tags, false)...)
	keys := make([]string, 0, len(tags))
	for key := range tags {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	for _, key := range keys {
		tag := &organization.Tag{TagKey: &key}
		if value := tags[key]; value != "" {
			tag.TagValue = &value
		}
		filter.Tags = append(filter.Tags, tag)
	}
	return filter, diags
}

// memberUinsOf is member_uins as UINs. Validation has checked each one
// already, unless it was unknown until apply.
func memberUinsOf(set types.Set, diags *diag.Diagnostics) []int64 {
	uins := make([]int64, 0, len(set.Elements()))
	for _, element := range set.Elements() {
		n, ok := element.(types.Number)
		if !ok {
			diags.AddAttributeError(path.Root("member_uins"), conns.SummaryUnexpectedData, fmt.Sprintf("member_uins holds a %T.", element))
			continue
		}
		uin, err := emailbind.MemberUin.Int64(n)
		if err != nil {
			diags.Append(emailbind.MemberUin.Diagnostic(path.Root("member_uins"), err))
			continue
		}
		uins = append(uins, uin)
	}
	return uins
}
