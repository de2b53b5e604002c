// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package explain turns a failed Tencent Cloud API call into a Terraform
// diagnostic: what the error code means, what to do, the code and the
// RequestId, for the Organization API and STS alike. The provider and the
// data sources give it the context a message may name; it never sees a
// credential, only where each part came from.
package explain

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
)

// Call is what a diagnostic about one API call may mention. It
// carries where the credential came from, never the credential.
type Call struct {
	// Action is the API action called, and Codes its own error codes.
	Action string
	Codes  Table
	// Subject names what was being read, such as "member 100033118139".
	Subject   string
	MemberUin int64
	// MemberArgument is where MemberUin came from: "member_uin",
	// "member_uins", or the listing.
	MemberArgument string
	Sources        CredentialSources
	Endpoint       string
	// Endpoints say where the endpoint, and STS's, came from, as in "the
	// environment variable TENCENTCLOUD_ORGANIZATION_ENDPOINT".
	Endpoints EndpointSources
	// Attributes maps an Explanation's Attribute to the configuration
	// path the fix lies in; an attribute missing here is not attached.
	Attributes map[string]path.Path
}

// CredentialSources say where each part of the credential came from.
type CredentialSources struct {
	SecretID, SecretKey, SecurityToken string
}

// EndpointSources say where each endpoint came from.
type EndpointSources struct {
	Organization, STS string
}

// Explanation turns one API error code into words for a Terraform user.
// Meaning and Fix may use the placeholders {uin}, {member_argument},
// {action}, {secret_id}, {secret_key}, {token} (where each part of the
// credential came from) and {endpoint}.
type Explanation struct {
	Summary string
	Meaning string
	Fix     string
	// Attribute names where the fix is, such as "member_uin" or "node",
	// for Call.Attributes to resolve.
	Attribute string
}

// Table explains error codes, one Explanation each. It cannot be changed
// once made, so that no package can change what another's error says.
type Table struct{ entries map[string]Explanation }

// NewTable is a table of entries, which the caller must not change after.
func NewTable(entries map[string]Explanation) Table { return Table{entries: entries} }

// Own is the explanation written for code itself, not for its family.
func (t Table) Own(code string) (Explanation, bool) {
	exp, ok := t.entries[code]
	return exp, ok
}

// Codes are the codes the table explains, sorted.
func (t Table) Codes() []string { return slices.Sorted(maps.Keys(t.entries)) }

func (rc Call) fill(text string) string {
	return strings.NewReplacer(
		"{uin}", fmt.Sprint(rc.MemberUin),
		"{member_argument}", rc.MemberArgument,
		"{action}", rc.Action,
		"{secret_id}", rc.Sources.SecretID,
		"{secret_key}", rc.Sources.SecretKey,
		"{token}", rc.Sources.SecurityToken,
		"{endpoint}", rc.Endpoint,
	).Replace(text)
}

// SourceOrSettings is a source, or words for one not recorded.
func SourceOrSettings(source string) string {
	if source == "" {
		return "the provider's endpoint settings (endpoints, protocol and domain)"
	}
	return source
}
