// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
)

// Organization is run by AdminUin. The admin reads every member; a member
// reads its own email binding, and the whole organization only as a
// delegated admin; every other caller has no organization.
type Organization struct {
	AdminUin int64 `json:"admin_uin"`
	// Nodes are organization units that exist besides those members' listings name.
	Nodes []Node `json:"nodes,omitempty"`
	// TrustedServices are the product short names DescribeOrganizationMembers accepts as Product.
	TrustedServices []string `json:"trusted_services,omitempty"`
	// DelegatedAdmins are members that administer a trusted service for the
	// organization: they list its members with that service as Product, and
	// read their email bindings.
	DelegatedAdmins []DelegatedAdmin `json:"delegated_admins,omitempty"`
	Members         []Member         `json:"members"`
}

// DelegatedAdmin is a member that administers trusted service Product.
type DelegatedAdmin struct {
	Product string `json:"product"`
	Uin     int64  `json:"uin"`
}

// delegatedAdmin reports whether uin administers the trusted service
// product. An empty product names no service, so it matches none, never any.
func (org *Organization) delegatedAdmin(uin int64, product string) bool {
	return product != "" && slices.ContainsFunc(org.DelegatedAdmins, func(d DelegatedAdmin) bool {
		return d.Uin == uin && d.Product == product
	})
}

// delegatedAdminOfAny reports whether uin administers some trusted service,
// which lets it read any member's email binding: that action takes no
// Product to say which.
func (org *Organization) delegatedAdminOfAny(uin int64) bool {
	return slices.ContainsFunc(org.DelegatedAdmins, func(d DelegatedAdmin) bool { return d.Uin == uin })
}

// Node is an organization unit.
type Node struct {
	NodeID int64  `json:"node_id"`
	Name   string `json:"name"`
}

// Member carries its records exactly as the API returns them: output field
// names as keys, fields left out are left out of the response, and explicit
// nulls stay null. Listing is its DescribeOrganizationMembers item without
// MemberUin; EmailBind its DescribeOrganizationMemberEmailBind response.
type Member struct {
	MemberUin int64 `json:"member_uin"`
	// AuthName is the verified entity name the AuthName filter searches.
	AuthName  string          `json:"auth_name,omitempty"`
	Listing   json.RawMessage `json:"listing,omitempty"`
	EmailBind json.RawMessage `json:"email_bind,omitempty"`
}

// objectSchema is the JSON object an API model must be: which fields it
// has, and what each holds when it is not null.
type objectSchema struct {
	name   string
	fields map[string]fieldSchema
}

type fieldSchema struct {
	kind fieldKind
	// element is the object each item of a kindList field must be.
	element *objectSchema
}

type fieldKind int

const (
	kindString fieldKind = iota
	kindUint             // the SDK's *uint64
	kindInt              // the SDK's *int64
	kindList
)

var kindDescriptions = map[fieldKind]string{
	kindString: "a string",
	kindUint:   "a non-negative integer",
	kindInt:    "an integer that fits in 64 bits",
	kindList:   "an array",
}

var emailBindSchema = objectSchema{name: "an output field of " + actionEmailBind, fields: map[string]fieldSchema{
	"BindId":      {kind: kindUint},
	"ApplyTime":   {kind: kindString},
	"Email":       {kind: kindString},
	"Phone":       {kind: kindString},
	"BindStatus":  {kind: kindString},
	"BindTime":    {kind: kindString},
	"Description": {kind: kindString},
	"PhoneBind":   {kind: kindUint},
	"CountryCode": {kind: kindString},
}}

func listOf(name string, fields map[string]fieldSchema) fieldSchema {
	return fieldSchema{kind: kindList, element: &objectSchema{name: "a field of " + name, fields: fields}}
}

// listingSchema is OrgMember without MemberUin, which member_uin supplies so
// that it cannot disagree with the uin the other actions know the member by.
var listingSchema = objectSchema{name: "a field of OrgMember other than MemberUin", fields: map[string]fieldSchema{
	"Name":             {kind: kindString},
	"NickName":         {kind: kindString},
	"MemberType":       {kind: kindString},
	"NodeId":           {kind: kindInt},
	"NodeName":         {kind: kindString},
	"Remark":           {kind: kindString},
	"CreateTime":       {kind: kindString},
	"UpdateTime":       {kind: kindString},
	"IsAllowQuit":      {kind: kindString},
	"PayUin":           {kind: kindString},
	"PayName":          {kind: kindString},
	"PermissionStatus": {kind: kindString},
	"OrgPolicyType":    {kind: kindString},
	"OrgPolicyName":    {kind: kindString},
	"BindStatus":       {kind: kindString},
	"OrgPermission":    listOf("OrgPermission", map[string]fieldSchema{"Id": {kind: kindUint}, "Name": {kind: kindString}}),
	"OrgIdentity":      listOf("MemberIdentity", map[string]fieldSchema{"IdentityId": {kind: kindInt}, "IdentityAliasName": {kind: kindString}}),
	"Tags":             listOf("Tag", map[string]fieldSchema{"TagKey": {kind: kindString}, "TagValue": {kind: kindString}}),
}}

// membership is who belongs where as the world starts, and which uins
// faults move, so that a uin never ends up in two organizations.
type membership struct {
	accounts map[int64]bool // admins and members
	members  map[int64]bool
	moved    map[int64]bool
}

func validateOrganizations(orgs []Organization) (*membership, error) {
	m := &membership{accounts: map[int64]bool{}, members: map[int64]bool{}, moved: map[int64]bool{}}
	for i, org := range orgs {
		if org.AdminUin <= 0 {
			return nil, fmt.Errorf("organizations[%d]: admin_uin must be a positive account uin", i)
		}
		if m.accounts[org.AdminUin] {
			return nil, fmt.Errorf("organizations[%d]: admin uin %d already belongs to another organization", i, org.AdminUin)
		}
		m.accounts[org.AdminUin] = true
		nodeIDs := map[int64]bool{}
		for j, node := range org.Nodes {
			if node.NodeID <= 0 || node.Name == "" || nodeIDs[node.NodeID] {
				return nil, fmt.Errorf("organizations[%d].nodes[%d]: node_id must be positive and unique, and name non-empty", i, j)
			}
			nodeIDs[node.NodeID] = true
		}
		for j, service := range org.TrustedServices {
			if service == "" {
				return nil, fmt.Errorf("organizations[%d].trusted_services[%d]: must be a product short name", i, j)
			}
		}
		if err := org.validateDelegatedAdmins(i); err != nil {
			return nil, err
		}
		for j, member := range org.Members {
			if err := member.validate(); err != nil {
				return nil, fmt.Errorf("organizations[%d].members[%d].%w", i, j, err)
			}
			if m.accounts[member.MemberUin] && member.MemberUin != org.AdminUin {
				return nil, fmt.Errorf("organizations[%d].members[%d]: uin %d belongs to more than one organization", i, j, member.MemberUin)
			}
			m.accounts[member.MemberUin] = true
			m.members[member.MemberUin] = true
		}
	}
	return m, nil
}

// validateDelegatedAdmins checks that each delegated admin is a member of
// organization i, other than its admin, for one of its trusted services.
func (org Organization) validateDelegatedAdmins(i int) error {
	seen := map[DelegatedAdmin]bool{}
	for j, d := range org.DelegatedAdmins {
		switch {
		case !slices.Contains(org.TrustedServices, d.Product):
			return fmt.Errorf("organizations[%d].delegated_admins[%d]: product %q is not one of the organization's trusted_services", i, j, d.Product)
		case !slices.ContainsFunc(org.Members, func(m Member) bool { return m.MemberUin == d.Uin }) || d.Uin == org.AdminUin:
			return fmt.Errorf("organizations[%d].delegated_admins[%d]: uin %d is not a member of the organization other than its admin", i, j, d.Uin)
		case seen[d]:
			return fmt.Errorf("organizations[%d].delegated_admins[%d]: appears more than once", i, j)
		}
		seen[d] = true
	}
	return nil
}

// validate returns errors that start with the member's field at fault, for
// the caller to put the member's path in front.
func (m Member) validate() error {
	if m.MemberUin <= 0 {
		return fmt.Errorf("member_uin must be a positive account uin")
	}
	if err := validateObject(m.Listing, listingSchema, ""); err != nil {
		return fmt.Errorf("listing: %w", err)
	}
	if err := validateObject(m.EmailBind, emailBindSchema, ""); err != nil {
		return fmt.Errorf("email_bind: %w", err)
	}
	return nil
}

// validateObject checks that raw, when present and not null, is an object of
// schema's fields, each null or of its kind. path locates raw inside the
// record being checked ("" for the record itself), for error messages.
func validateObject(raw json.RawMessage, schema objectSchema, path string) error {
	if len(raw) == 0 {
		return nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		if path == "" {
			return fmt.Errorf("must be an object: %w", err)
		}
		return fmt.Errorf("%s must be an object or null, got %s", path, raw)
	}
	// Sorted, so that a record with several mistakes always reports the same one.
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		field, known := schema.fields[name]
		if !known {
			if path == "" {
				return fmt.Errorf("%q is not %s", name, schema.name)
			}
			return fmt.Errorf("%s: %q is not %s", path, name, schema.name)
		}
		fieldPath := name
		if path != "" {
			fieldPath = path + "." + name
		}
		if err := field.validate(fields[name], fieldPath); err != nil {
			return err
		}
	}
	return nil
}

func (f fieldSchema) validate(value json.RawMessage, path string) error {
	if string(value) == "null" {
		return nil
	}
	var err error
	switch f.kind {
	case kindString:
		var s string
		err = json.Unmarshal(value, &s)
	case kindUint:
		var n uint64
		err = json.Unmarshal(value, &n)
	case kindInt:
		var n int64
		err = json.Unmarshal(value, &n)
	case kindList:
		var items []json.RawMessage
		if err = json.Unmarshal(value, &items); err != nil {
			break
		}
		for i, item := range items {
			if err := validateObject(item, *f.element, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	if err != nil {
		return fmt.Errorf("%s must be %s or null, got %s", path, kindDescriptions[f.kind], value)
	}
	return nil
}

// recordFields returns a validated record's fields, keeping explicit nulls.
func recordFields(record json.RawMessage) map[string]json.RawMessage {
	fields := map[string]json.RawMessage{}
	// An absent or null record leaves fields empty; validation has ruled
	// out every other error.
	_ = json.Unmarshal(record, &fields)
	return fields
}
