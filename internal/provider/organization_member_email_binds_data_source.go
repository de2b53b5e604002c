// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

var (
	_ datasource.DataSourceWithConfigure      = &organizationMemberEmailBindsDataSource{}
	_ datasource.DataSourceWithValidateConfig = &organizationMemberEmailBindsDataSource{}
)

func NewOrganizationMemberEmailBindsDataSource() datasource.DataSource {
	return &organizationMemberEmailBindsDataSource{}
}

type organizationMemberEmailBindsDataSource struct {
	data *providerData
}

func (d *organizationMemberEmailBindsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization_member_email_binds"
}

func (d *organizationMemberEmailBindsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req, resp)
}

func (d *organizationMemberEmailBindsDataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var config organizationMemberEmailBindsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if readsNothing(config) {
		resp.Diagnostics.AddAttributeError(path.Root("include_email_bind"), summaryNothingToRead, nothingToReadDetail)
	}
}

// readsNothing is member_uins, which skips the listing, without bindings.
// Read checks it again, since validation passes while values are unknown.
func readsNothing(config organizationMemberEmailBindsModel) bool {
	return !config.MemberUins.IsNull() && !config.IncludeEmailBind.IsNull() && !config.IncludeEmailBind.IsUnknown() && !config.IncludeEmailBind.ValueBool()
}

// Read is config, then query, then state: what to read and how to make
// sure it is complete is ReadInventory's; state is set only when every
// member asked for was read.
func (d *organizationMemberEmailBindsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.data == nil {
		resp.Diagnostics.AddError(summaryNotConfigured, notConfiguredDetail)
		return
	}
	var config organizationMemberEmailBindsModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if readsNothing(config) {
		resp.Diagnostics.AddAttributeError(path.Root("include_email_bind"), summaryNothingToRead, nothingToReadDetail)
		return
	}
	ctx, progress := newReadProgress(ctx)
	query, diags := inventoryQuery(ctx, config, progress)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	inventory, err := d.data.client.ReadInventory(ctx, query)
	progress.finish(ctx, inventory, err)
	if err != nil {
		resp.Diagnostics.Append(d.inventoryFailure(ctx, err, config))
		return
	}
	if len(inventory.Left) > 0 {
		resp.Diagnostics.AddWarning(summaryMembersLeft, membersLeftDetail(inventory.Left))
	}
	if len(inventory.Members) == 0 {
		resp.Diagnostics.Append(noMembersDiagnostics(config)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	resp.Diagnostics.Append(config.setInventory(ctx, inventory)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}

// inventoryQuery turns the configuration into what to read, with progress
// reported at INFO.
func inventoryQuery(ctx context.Context, config organizationMemberEmailBindsModel, progress *readProgress) (organization.InventoryQuery, diag.Diagnostics) {
	query := organization.InventoryQuery{
		EmailBinds: config.IncludeEmailBind.IsNull() || config.IncludeEmailBind.ValueBool(),
		Reads: organization.EmailBindReads{
			MemberContext: func(ctx context.Context, uin int64) context.Context { return tflog.SetField(ctx, "member_uin", uin) },
			Progress:      progress.bindings,
		},
		OnListed: func(ctx context.Context, n int, total uint64, held int) {
			tflog.Info(ctx, "Listed organization members", map[string]any{"listing": n, "total": total, "held": held})
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

// inventoryFailure explains why the read failed.
func (d *organizationMemberEmailBindsDataSource) inventoryFailure(ctx context.Context, err error, config organizationMemberEmailBindsModel) diag.Diagnostic {
	var unread *organization.MembersUnreadError
	var unconfirmed *organization.ListingUnconfirmedError
	switch {
	case ctx.Err() != nil:
		return diag.NewErrorDiagnostic(summaryReadCancelled, readCancelledDetail)
	case errors.As(err, &unread):
		if detail := endpointDownDetail(unread.Failed, unread.Of, d.data.emailBindContext(0)); detail != "" {
			return diag.NewErrorDiagnostic(summaryEndpointUnreachable, detail)
		}
		return diag.NewErrorDiagnostic(summaryMembersUnread, membersUnreadDetail(unread.Failed, unread.Of, d.data.memberBindContext(config)))
	case errors.As(err, &unconfirmed):
		return diag.NewErrorDiagnostic(listingUnconfirmedSummary(unconfirmed), listingUnconfirmedDetail(unconfirmed, d.data.client.Endpoint()))
	}
	return readErrorDiagnostic(err, d.data.membersContext(config))
}

// listingFilter turns the filter arguments into the listing's parameters.
func listingFilter(ctx context.Context, config organizationMemberEmailBindsModel) (organization.MemberFilter, diag.Diagnostics) {
	filter := organization.MemberFilter{
		SearchKey: config.SearchKey.ValueStringPointer(),
		AuthName:  config.AuthName.ValueStringPointer(),
		Product:   config.Product.ValueStringPointer(),
		NodeName:  config.NodeName.ValueStringPointer(),
	}
	var diags diag.Diagnostics
	if !config.NodeID.IsNull() {
		id, err := nodeIDNumber.int64(config.NodeID)
		if err != nil {
			diags.Append(nodeIDNumber.diagnostic(path.Root("node_id"), err))
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
			diags.AddAttributeError(path.Root("member_uins"), summaryUnexpectedData, fmt.Sprintf("member_uins holds a %T.", element))
			continue
		}
		uin, err := memberUinNumber.int64(n)
		if err != nil {
			diags.Append(memberUinNumber.diagnostic(path.Root("member_uins"), err))
			continue
		}
		uins = append(uins, uin)
	}
	return uins
}

// memberBindContext is what a diagnostic about one member's binding may
// mention, in a read of many: the member came from member_uins, or else
// from the listing, and has no attribute of its own.
func (p *providerData) memberBindContext(config organizationMemberEmailBindsModel) func(int64) readContext {
	return func(memberUin int64) readContext {
		rc := p.emailBindContext(memberUin)
		rc.memberArgument, rc.attributes = "member_uins", map[string]path.Path{"member_uin": path.Root("member_uins")}
		if config.MemberUins.IsNull() {
			rc.memberArgument, rc.attributes = "the member UIN the listing gave", nil
		}
		return rc
	}
}

// membersContext is what a diagnostic about listing the organization may
// mention; a missing unit is node_id's or node_name's fault, whichever is set.
func (p *providerData) membersContext(config organizationMemberEmailBindsModel) readContext {
	node := path.Root("node_id")
	if config.NodeID.IsNull() {
		node = path.Root("node_name")
	}
	return readContext{
		action:     organization.ActionDescribeOrganizationMembers,
		codes:      membersCodes,
		subject:    "the organization's member list",
		sources:    p.sources,
		endpoint:   p.client.Endpoint(),
		endpoints:  p.endpoints,
		attributes: map[string]path.Path{"node": node, "product": path.Root("product")},
	}
}
