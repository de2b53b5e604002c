// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package emailbinds is the data source tencentcloud_organization_member_email_binds:
// every member of the organization with its email binding, from a listing
// that internal/organization confirms, or an error that names what is
// missing. It turns configuration into a query and the inventory into
// state; what to read and how to be sure it is complete is ReadInventory's.
package emailbinds

import (
	"context"
	"errors"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/conns"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/encodedstate"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
)

var (
	_ datasource.DataSourceWithConfigure      = &dataSource{}
	_ datasource.DataSourceWithValidateConfig = &dataSource{}
)

// NewDataSource is tencentcloud_organization_member_email_binds, for the
// provider's DataSources.
func NewDataSource() datasource.DataSource {
	return &dataSource{}
}

type dataSource struct {
	client *conns.Client
}

func (d *dataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_organization_member_email_binds"
}

func (d *dataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = dataSourceSchema()
}

func (d *dataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.client = conns.FromConfigure(req, resp)
}

func (d *dataSource) ValidateConfig(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	var config dataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if readsNothing(config) {
		resp.Diagnostics.AddAttributeError(path.Root("include_email_bind"), summaryNothingToRead, nothingToReadDetail)
	}
}

// readsNothing is member_uins, which skips the listing, without bindings.
// Read checks it again, since validation passes while values are unknown.
func readsNothing(config dataSourceModel) bool {
	return !config.MemberUins.IsNull() && !config.IncludeEmailBind.IsNull() && !config.IncludeEmailBind.IsUnknown() && !config.IncludeEmailBind.ValueBool()
}

// Read is config, then query, then state: what to read and how to make
// sure it is complete is ReadInventory's; state is set only when every
// member asked for was read.
func (d *dataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if !conns.Configured(d.client, &resp.Diagnostics) {
		return
	}
	var config dataSourceModel
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
	inventory, err := d.client.Organization.ReadInventory(ctx, query)
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
	members := len(inventory.Members)
	state, diags := encodeState(req.Config.Raw, inventory, !config.MemberUins.IsNull())
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	// Served through encodedstate.Wrap, as main serves the provider, the
	// state goes to Terraform as encoded here; the framework keeps the
	// configuration it set as state before Read, and sends nothing of it.
	if !encodedstate.Hand(ctx, state) {
		resp.Diagnostics.Append(setDecoded(&resp.State, state)...)
	}
	progress.written(ctx, members)
}

// inventoryFailure explains why the read failed.
func (d *dataSource) inventoryFailure(ctx context.Context, err error, config dataSourceModel) diag.Diagnostic {
	var unread *organization.MembersUnreadError
	var unconfirmed *organization.ListingUnconfirmedError
	switch {
	case ctx.Err() != nil:
		return diag.NewErrorDiagnostic(explain.SummaryReadCancelled, readCancelledDetail)
	case errors.As(err, &unread):
		if detail := endpointDownDetail(unread.Failed, unread.Of, emailbind.Call(d.client, 0)); detail != "" {
			return diag.NewErrorDiagnostic(explain.SummaryEndpointUnreachable, detail)
		}
		return diag.NewErrorDiagnostic(summaryMembersUnread, membersUnreadDetail(unread.Failed, unread.Of, memberBindCall(d.client, config)))
	case errors.As(err, &unconfirmed):
		return diag.NewErrorDiagnostic(listingUnconfirmedSummary(unconfirmed), listingUnconfirmedDetail(unconfirmed, d.client.Organization.Endpoint()))
	}
	return explain.ReadError(err, membersCall(d.client, config))
}
