// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"errors"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
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

// Read lists the members (unless member_uins names them), keeps those in
// the bind_status asked for, reads their bindings, and then keeps those
// whose binding is in it. Any member that cannot be read fails the whole
// read: state is set only when every member asked for was read.
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
	includeEmailBind := config.IncludeEmailBind.IsNull() || config.IncludeEmailBind.ValueBool()
	var wanted []string
	resp.Diagnostics.Append(config.BindStatus.ElementsAs(ctx, &wanted, false)...)
	keep := func(status types.String) bool {
		return wanted == nil || (!status.IsNull() && slices.Contains(wanted, status.ValueString()))
	}

	// The members to read, in member_uin order, with their listing entries.
	var uins []int64
	listed := map[int64]*organization.OrgMember{}
	// list lists the organization and adds the members it shows, and the
	// filter keeps, that are not yet known; it returns those.
	var filter organization.MemberFilter
	list := func() ([]int64, bool) {
		tflog.Info(ctx, "Listing organization members")
		listing, err := d.data.client.ListMembers(ctx, filter)
		if err != nil {
			resp.Diagnostics.Append(readErrorDiagnostic(err, d.data.membersContext(config)))
			return nil, false
		}
		// The last listing decides: one that is consistent holds every
		// member, whatever an earlier one missed.
		config.ListingConsistent = types.BoolValue(listing.Consistent)
		var added []int64
		for _, m := range listing.Members {
			// A status the listing leaves out is known only from the binding.
			_, known := listed[*m.MemberUin]
			if !known && (keep(types.StringPointerValue(m.BindStatus)) || (includeEmailBind && m.BindStatus == nil)) {
				added = append(added, *m.MemberUin)
				listed[*m.MemberUin] = m
			}
		}
		return added, true
	}
	if !config.MemberUins.IsNull() {
		resp.Diagnostics.Append(config.MemberUins.ElementsAs(ctx, &uins, false)...)
		slices.Sort(uins)
		config.ListingConsistent = types.BoolNull()
	} else {
		var diags diag.Diagnostics
		filter, diags = listingFilter(ctx, config)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		var ok bool
		if uins, ok = list(); !ok {
			return
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}

	records := map[int64]*organization.DescribeOrganizationMemberEmailBindResponseParams{}
	if includeEmailBind {
		left, ok := d.readBindings(ctx, uins, listed, records, &resp.Diagnostics)
		if !ok {
			return
		}
		// A listed member that has left shows that the organization changed
		// while it was read, in a way the listing may not have shown: a
		// leave and a join between two pages keep Total and can move a
		// member across a page boundary unseen. List once more and read
		// whoever the first listing missed.
		if len(left) > 0 && config.MemberUins.IsNull() {
			missed, ok := list()
			if !ok {
				return
			}
			moreLeft, ok := d.readBindings(ctx, missed, listed, records, &resp.Diagnostics)
			if !ok {
				return
			}
			left = append(left, moreLeft...)
			uins = append(uins, missed...)
			slices.Sort(uins)
		}
		if len(left) > 0 {
			slices.Sort(left)
			resp.Diagnostics.AddWarning(summaryMembersLeft, membersLeftDetail(left))
		}
	}
	if !config.ListingConsistent.IsNull() && !config.ListingConsistent.ValueBool() {
		resp.Diagnostics.AddWarning(summaryListingInconsistent, listingInconsistentDetail)
	}

	var diags diag.Diagnostics
	var members []attr.Value
	counts := map[string]int64{}
	for _, uin := range uins {
		record, read := records[uin]
		if includeEmailBind && !read {
			continue // it left the organization
		}
		// The binding's status counts when it was read; else the listing's.
		status := types.StringNull()
		switch {
		case includeEmailBind:
			status = types.StringPointerValue(record.BindStatus)
		case listed[uin] != nil:
			status = types.StringPointerValue(listed[uin].BindStatus)
		}
		if !keep(status) {
			continue
		}
		if !status.IsNull() {
			counts[status.ValueString()]++
		}
		members = append(members, memberValue(path.Root("members").AtListIndex(len(members)), uin, listed[uin], record, &diags))
	}
	resp.Diagnostics.Append(diags...)
	config.Members, diags = types.ListValue(memberType, members)
	resp.Diagnostics.Append(diags...)
	config.Total = types.Int64Value(int64(len(members)))
	config.BindStatusCounts, diags = types.MapValueFrom(ctx, types.Int64Type, counts)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &config)...)
}

// readBindings reads the bindings of uins into records. A listed member
// that the read finds gone has left the organization since it was listed:
// it is returned, not failed. Any other failure fails the whole read with
// one error naming every member that could not be read.
func (d *organizationMemberEmailBindsDataSource) readBindings(ctx context.Context, uins []int64, listed map[int64]*organization.OrgMember,
	records map[int64]*organization.DescribeOrganizationMemberEmailBindResponseParams, diags *diag.Diagnostics) (left []int64, ok bool) {
	tflog.Info(ctx, "Reading organization member email bindings", map[string]any{"members": len(uins)})
	results := d.data.client.ReadEmailBinds(ctx, uins, organization.EmailBindReads{
		MemberContext: func(ctx context.Context, uin int64) context.Context { return tflog.SetField(ctx, "member_uin", uin) },
		Progress:      logProgress,
	})
	if ctx.Err() != nil {
		diags.AddError("Read Cancelled", readCancelledDetail(len(uins)))
		return nil, false
	}
	var failed []organization.EmailBind
	for _, r := range results {
		switch {
		case r.Err == nil:
			records[r.MemberUin] = r.Record
		case listed[r.MemberUin] != nil && isCode(r.Err, "ResourceNotFound.OrganizationMemberNotExist"):
			left = append(left, r.MemberUin)
		default:
			failed = append(failed, r)
		}
	}
	if len(failed) > 0 {
		diags.AddError(summaryMembersUnread, membersUnreadDetail(failed, len(uins), d.data.emailBindContext))
		return nil, false
	}
	return left, true
}

// listingFilter turns the filter arguments into the listing's parameters.
func listingFilter(ctx context.Context, config organizationMemberEmailBindsModel) (organization.MemberFilter, diag.Diagnostics) {
	filter := organization.MemberFilter{
		SearchKey: config.SearchKey.ValueStringPointer(),
		AuthName:  config.AuthName.ValueStringPointer(),
		Product:   config.Product.ValueStringPointer(),
		NodeName:  config.NodeName.ValueStringPointer(),
	}
	if !config.NodeID.IsNull() {
		id := uint64(config.NodeID.ValueInt64())
		filter.NodeId = &id
	}
	var tags map[string]string
	diags := config.Tags.ElementsAs(ctx, &tags, false)
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

// logProgress reports a long read at INFO, at every tenth of the way.
func logProgress(ctx context.Context, done, total int) {
	if step := max(total/10, 1); done%step == 0 || done == total {
		tflog.Info(ctx, "Read organization member email bindings", map[string]any{"done": done, "total": total})
	}
}

func isCode(err error, code string) bool {
	var callErr *tencentapi.Error
	return errors.As(err, &callErr) && callErr.Code == code
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
		attributes: map[string]path.Path{"node": node, "product": path.Root("product")},
	}
}
