// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/emailbind"
)

// A read that finds no member is where a policy passes on nothing: a check
// over every member of an empty list holds. So an empty result is named,
// with the filters that emptied it.

// noMembersDiagnostics is the error require_members asks for, or else a
// warning when filters were given; none for an unfiltered organization
// that has no member, which nothing hides.
func noMembersDiagnostics(config dataSourceModel) diag.Diagnostics {
	var diags diag.Diagnostics
	filters := filtersGiven(config)
	switch {
	case config.RequireMembers.ValueBool():
		diags.AddAttributeError(path.Root("require_members"), summaryNoMembers, noMembersDetail(filters, true))
	case len(filters) > 0:
		diags.AddWarning(summaryNoMembers, noMembersDetail(filters, false))
	}
	return diags
}

// filtersGiven is each argument that narrows the read, as it would be
// written in the configuration, in the schema's order.
func filtersGiven(config dataSourceModel) []string {
	var given []string
	add := func(name string, value attr.Value, text func() string) {
		if !value.IsNull() {
			given = append(given, name+" = "+text())
		}
	}
	quoted := func(s types.String) func() string { return func() string { return fmt.Sprintf("%q", s.ValueString()) } }
	add("search_key", config.SearchKey, quoted(config.SearchKey))
	add("auth_name", config.AuthName, quoted(config.AuthName))
	add("node_id", config.NodeID, func() string { return emailbind.NumberText(config.NodeID.ValueBigFloat()) })
	add("node_name", config.NodeName, quoted(config.NodeName))
	add("tags", config.Tags, func() string { return tagsText(config.Tags) })
	add("product", config.Product, quoted(config.Product))
	add("bind_status", config.BindStatus, func() string { return stringSetText(config.BindStatus) })
	return given
}

// hclIdentifier is a map key HCL takes unquoted; any other is quoted, so
// that a key cannot pass for more of the message than it is.
var hclIdentifier = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// tagsText is a map of strings as HCL writes it, keys sorted.
func tagsText(m types.Map) string {
	elements := m.Elements()
	keys := make([]string, 0, len(elements))
	for key := range elements {
		keys = append(keys, key)
	}
	slices.Sort(keys)
	pairs := make([]string, 0, len(keys))
	for _, key := range keys {
		name := key
		if !hclIdentifier.MatchString(key) {
			name = fmt.Sprintf("%q", key)
		}
		pairs = append(pairs, fmt.Sprintf("%s = %s", name, elements[key].String()))
	}
	return "{ " + strings.Join(pairs, ", ") + " }"
}

// stringSetText is a set of strings as HCL writes a list, sorted.
func stringSetText(s types.Set) string {
	values := make([]string, 0, len(s.Elements()))
	for _, element := range s.Elements() {
		values = append(values, element.String())
	}
	slices.Sort(values)
	return "[" + strings.Join(values, ", ") + "]"
}
