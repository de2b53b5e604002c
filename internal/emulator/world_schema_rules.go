// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"maps"
	"slices"
)

// schemaRule is what the world schema says of one property beyond its
// type: its description, and the constraints of Validate that JSON Schema
// can state. Each constraint is one the loader enforces wherever the
// property appears: a value that breaks it is refused by the loader too
// (world_schema_test.go breaks each of them). The schema is stricter in
// one way only: it wants a property that is not set left out, where the
// loader also reads null and "" as unset.
type schemaRule struct {
	description string
	required    bool
	minimum     *int // the least integer allowed
	// minItems applies to an array; minLength, pattern and enum to a string,
	// or to each string of an array.
	minItems  int
	unique    bool // the array's items are unique
	minLength int
	pattern   string
	enum      []string
	format    string // an annotation, for editors
	// record is the API record a json.RawMessage field holds.
	record *objectSchema
}

func minimumOf(n int) *int { return &n }

// apply adds the rule to s, the schema of the property's type.
func (r schemaRule) apply(s map[string]any) {
	s["description"] = r.description
	if r.minimum != nil {
		s["minimum"] = *r.minimum
	}
	if r.minItems > 0 {
		s["minItems"] = r.minItems
	}
	if r.unique {
		s["uniqueItems"] = true
	}
	text := s
	if items, ok := s["items"].(map[string]any); ok {
		text = items
	}
	if r.minLength > 0 {
		text["minLength"] = r.minLength
	}
	if r.pattern != "" {
		text["pattern"] = r.pattern
	}
	if r.enum != nil {
		text["enum"] = r.enum
	}
	if r.format != "" {
		text["format"] = r.format
	}
}

// durationPattern is a Go duration such as "30ms" or "1h30m", not
// negative. Validate refuses zero where a duration must be positive.
const durationPattern = `^\+?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$`

// rfc3339Pattern is a time as time.Parse reads time.RFC3339.
const rfc3339Pattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$`

// typeDescriptions describe the world's objects, by Go type name.
var typeDescriptions = map[string]string{
	"World":            "Everything the emulator knows: which credentials it accepts, which account each belongs to, and the organizations those accounts run.",
	"Credential":       "An API key pair of an account. A token makes it a temporary credential, accepted only together with that X-TC-Token.",
	"Organization":     "An organization run by admin_uin. The admin reads every member; a member reads its own email binding, and the whole organization only as a delegated admin; every other caller has no organization.",
	"Node":             "An organization unit.",
	"DelegatedAdmin":   "A member that administers trusted service product for the organization.",
	"Member":           "A member of an organization, its records exactly as the API returns them: output field names as keys, fields left out are left out of the response, and explicit nulls stay null.",
	"Role":             "A CAM role; its temporary credentials act as account uin.",
	"CVMRole":          "A CAM role bound to the emulated CVM instance.",
	"WebIdentityToken": "An OIDC token an identity provider issued, which AssumeRoleWithWebIdentity exchanges for a role's temporary credential.",
	"SAMLAssertion":    "An assertion a SAML identity provider issued, which AssumeRoleWithSAML exchanges for a role's temporary credential.",
	"MFADevice":        "A virtual MFA device of account uin. Each of its codes is accepted once, by whichever action first sends it.",
	"Fault":            "A way the emulator misbehaves on purpose. A request gets the first fault that matches it and has uses left.",
}

var positiveUin = schemaRule{required: true, minimum: minimumOf(1)}

func (r schemaRule) describedAs(description string) schemaRule {
	r.description = description
	return r
}

// schemaRules describe each property of the world's objects, by Go type
// name and property name; the schema refuses to build without a rule for
// every property.
var schemaRules = map[string]schemaRule{
	"World.$schema":     {description: "The world file's JSON Schema (tencentcloud-emulator schema prints it), for editors; the emulator ignores it."},
	"World.rate_limit":  {description: "Requests per second per account and action, shared by every key and temporary credential of the account; 0 or absent means 20.", minimum: minimumOf(0)},
	"World.rate_window": {description: "How a second of the rate limit is counted: \"fixed\" (wall-clock seconds) or \"sliding\" (any trailing second, the default).", enum: []string{RateWindowFixed, RateWindowSliding}},
	"World.arrival_jitter": {description: "A Go duration such as \"30ms\": each API request reaches the rate limiter after a random delay of 0 to this, as over a network, so that arrivals are reordered and bunched.",
		pattern: durationPattern},
	"World.credentials":         {description: "The API key pairs the emulator accepts, each of one account; secret_id must be unique."},
	"World.organizations":       {description: "The organizations, each run by its admin account; an account belongs to one organization at most."},
	"World.roles":               {description: "Roles any accepted credential can assume with STS AssumeRole."},
	"World.cvm_roles":           {description: "Roles the instance metadata service serves credentials of."},
	"World.web_identity_tokens": {description: "OIDC tokens that the unsigned AssumeRoleWithWebIdentity accepts."},
	"World.saml_assertions":     {description: "SAML assertions that the unsigned AssumeRoleWithSAML accepts."},
	"World.mfa_devices":         {description: "MFA devices whose one-time codes GetSessionToken and AssumeRole accept."},
	"World.temporary_credential_lifetime": {description: "A positive Go duration such as \"3s\": how long every issued temporary credential lives, to exercise refreshing.",
		pattern: durationPattern},
	"World.faults": {description: "Faults, consumed in order: a request gets the first fault that matches it and has uses left."},

	"Credential.secret_id":  {description: "The SecretId; unique in the world.", required: true, minLength: 1},
	"Credential.secret_key": {description: "The SecretKey.", required: true, minLength: 1},
	"Credential.token":      {description: "When set, the credential is temporary and accepted only with this X-TC-Token."},
	"Credential.uin":        positiveUin.describedAs("The account the key belongs to."),
	"Credential.sub_user":   {description: "Marks a sub-user's key, which GetSessionToken grants longer sessions than a root account's."},

	"Organization.admin_uin":        positiveUin.describedAs("The account that runs the organization."),
	"Organization.nodes":            {description: "Organization units that exist besides those the members' listings name."},
	"Organization.trusted_services": {description: "The product short names DescribeOrganizationMembers accepts as Product.", minLength: 1},
	"Organization.delegated_admins": {description: "Members that administer a trusted service: they list the organization's members with that service as Product, and read their email bindings."},
	"Organization.members":          {description: "The organization's members; a uin belongs to one organization at most."},

	"Node.node_id": positiveUin.describedAs("The unit's ID, unique in the organization."),
	"Node.name":    {description: "The unit's name.", required: true, minLength: 1},

	"DelegatedAdmin.product": {description: "One of the organization's trusted_services.", required: true, minLength: 1},
	"DelegatedAdmin.uin":     positiveUin.describedAs("A member of the organization other than its admin."),

	"Member.member_uin": positiveUin.describedAs("The member's account uin."),
	"Member.auth_name":  {description: "The verified entity name the AuthName filter of DescribeOrganizationMembers searches."},
	"Member.listing": {description: "The member's DescribeOrganizationMembers item (OrgMember) without MemberUin, which member_uin supplies.",
		record: &listingSchema},
	"Member.email_bind": {description: "The member's DescribeOrganizationMemberEmailBind response.", record: &emailBindSchema},

	"Role.role_arn":     {description: "The role's ARN, such as qcs::cam::uin/100000000001:roleName/auditor; unique in the world.", required: true, minLength: 1},
	"Role.uin":          positiveUin.describedAs("The account the role's temporary credentials act as."),
	"Role.external_id":  {description: "When set, AssumeRole must send it, as a trust policy can require."},
	"Role.mfa_required": {description: "AssumeRole refuses callers that send no valid MFA code, as a trust policy with an MFA condition does."},

	"CVMRole.role_name": {description: "The role's name, unique in the world.", required: true, minLength: 1},
	"CVMRole.uin":       positiveUin.describedAs("The account the role's temporary credentials act as."),

	"WebIdentityToken.provider_id": {description: "The identity provider's name, such as \"OIDC\".", required: true, minLength: 1},
	"WebIdentityToken.token":       {description: "The token text, opaque to the emulator; unique in the world.", required: true, minLength: 1},
	"WebIdentityToken.role_arns":   {description: "The roles, each in roles, whose trust policy accepts the token.", required: true, minItems: 1},
	"WebIdentityToken.expires_at":  {description: "When the token stops being accepted, an RFC 3339 time; absent means never.", pattern: rfc3339Pattern, format: "date-time"},

	"SAMLAssertion.principal_arn": {description: "The identity provider's ARN, such as qcs::cam::uin/100000000001:saml-provider/corp.", required: true, pattern: samlProviderPattern.String()},
	"SAMLAssertion.assertion":     {description: "The base64 text a client sends; unique in the world.", required: true, minLength: 1},
	"SAMLAssertion.role_arns":     {description: "The roles, each in roles, whose trust policy accepts the assertion.", required: true, minItems: 1},
	"SAMLAssertion.expires_at":    {description: "When the assertion stops being accepted, an RFC 3339 time; absent means never.", pattern: rfc3339Pattern, format: "date-time"},

	"MFADevice.serial_number": {description: "qcs::cam:uin/<uin>::mfa/softToken or another device type, naming the device's uin; unique in the world.", required: true, pattern: mfaSerialPattern.String()},
	"MFADevice.uin":           positiveUin.describedAs("The account the device belongs to, which must have a credential."),
	"MFADevice.codes":         {description: "The one-time codes the device shows, 6 digits each, each accepted once.", required: true, minItems: 1, unique: true, pattern: mfaCodePattern.String()},

	"Fault.kind":       {description: "The way to misbehave.", required: true, enum: faultKinds},
	"Fault.action":     {description: "Limits the fault to requests of one action; absent matches every action. The error kind needs it.", enum: slices.Sorted(maps.Keys(actions))},
	"Fault.member_uin": {description: "Limits the fault to DescribeOrganizationMemberEmailBind requests for one member (0 matches every request), or names the member that leaves.", minimum: minimumOf(0)},
	"Fault.count":      {description: "How many matching requests get the fault; 0 or absent means all of them.", minimum: minimumOf(0)},
	"Fault.delay":      {description: "How long a delay fault holds the answer, a positive Go duration such as \"2s\".", pattern: durationPattern},
	"Fault.after_page": {description: "The 1-based count of DescribeOrganizationMembers pages the server has answered after which a member leaves or joins.", minimum: minimumOf(0)},
	"Fault.member":     {description: "The member that joins, or member_churn's first joiner."},
	"Fault.bonus":      {description: "What listing_total_bonus adds to Total."},
	"Fault.deficit":    {description: "What listing_total_deficit takes off Total, which never goes below 0."},
	"Fault.code":       {description: "The error code an error fault answers with: one the SDK declares for action, or a common API 3.0 code."},
}
