// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// World is everything the emulator knows: which credentials it accepts, which
// account each belongs to, and the organizations those accounts run.
type World struct {
	// RateLimit is requests per second per account and action, shared by
	// every key and temporary credential of the account; zero means
	// DefaultRateLimit.
	RateLimit int `json:"rate_limit,omitempty"`
	// RateWindow is how a second is counted: RateWindowFixed or
	// RateWindowSliding; empty means DefaultRateWindow.
	RateWindow string `json:"rate_window,omitempty"`
	// ArrivalJitter, a Go duration such as "30ms", delays each API request
	// by a random 0 to ArrivalJitter before it reaches the rate limiter, as
	// a network does, so that arrivals are reordered and bunched.
	ArrivalJitter string `json:"arrival_jitter,omitempty"`

	Credentials   []Credential   `json:"credentials"`
	Organizations []Organization `json:"organizations"`

	// Roles can be assumed with STS AssumeRole by any accepted credential;
	// CVMRoles are served by the instance metadata paths.
	Roles    []Role    `json:"roles,omitempty"`
	CVMRoles []CVMRole `json:"cvm_roles,omitempty"`

	// WebIdentityTokens and SAMLAssertions are what an identity provider
	// issued, for the unsigned AssumeRoleWithWebIdentity and
	// AssumeRoleWithSAML; MFADevices hold the one-time codes that
	// GetSessionToken and AssumeRole accept.
	WebIdentityTokens []WebIdentityToken `json:"web_identity_tokens,omitempty"`
	SAMLAssertions    []SAMLAssertion    `json:"saml_assertions,omitempty"`
	MFADevices        []MFADevice        `json:"mfa_devices,omitempty"`

	// TemporaryCredentialLifetime, a Go duration such as "3s", overrides
	// how long every issued temporary credential lives, to exercise refreshing.
	TemporaryCredentialLifetime string `json:"temporary_credential_lifetime,omitempty"`

	// Faults are consumed in order: a request gets the first fault that
	// matches it and has uses left.
	Faults []Fault `json:"faults,omitempty"`
}

// Role is a CAM role; its temporary credentials act as account Uin.
type Role struct {
	RoleArn string `json:"role_arn"`
	Uin     int64  `json:"uin"`
	// ExternalID, when set, must be sent with AssumeRole, as a trust policy can require.
	ExternalID string `json:"external_id,omitempty"`
	// MFARequired makes AssumeRole refuse callers that send no valid MFA
	// code, as a trust policy with an MFA condition does.
	MFARequired bool `json:"mfa_required,omitempty"`
}

// CVMRole is a CAM role bound to the emulated CVM instance.
type CVMRole struct {
	RoleName string `json:"role_name"`
	Uin      int64  `json:"uin"`
}

// Fault kinds, each a way real networks and gateways fail, or a way an
// organization changes under a client that is paging through it.
const (
	FaultInternalError = "internal_error" // the API's InternalError
	FaultBadGateway    = "bad_gateway"    // HTTP 502 with an HTML page, as a gateway sends
	FaultMalformedJSON = "malformed_json" // well-formed JSON of the wrong shape for the action
	FaultTruncatedJSON = "truncated_json" // a success response of the action cut in half
	FaultReset         = "reset"          // the TCP connection reset before any answer
	FaultDelay         = "delay"          // the normal answer, after Delay
	FaultMemberLeaves  = "member_leaves"  // MemberUin leaves its organization after page AfterPage
	FaultMemberJoins   = "member_joins"   // Member joins the paged organization after page AfterPage
)

// Fault makes the emulator misbehave on purpose.
type Fault struct {
	Kind string `json:"kind"`
	// Action limits the fault to requests of one action; empty matches every action.
	Action string `json:"action,omitempty"`
	// MemberUin limits the fault to email-bind requests for one member (zero
	// matches every request), or names the member that leaves.
	MemberUin int64 `json:"member_uin,omitempty"`
	// Count is how many matching requests get the fault; zero means all of them.
	Count int `json:"count,omitempty"`
	// Delay is how long a delay fault holds the answer, as a Go duration such as "2s".
	Delay string `json:"delay,omitempty"`
	// AfterPage is the 1-based count of DescribeOrganizationMembers pages the
	// server has answered after which a member leaves or joins.
	AfterPage int `json:"after_page,omitempty"`
	// Member is the member that joins.
	Member *Member `json:"member,omitempty"`
}

// Credential is an API key pair of an account. A non-empty Token makes it a
// temporary credential that is only accepted together with that X-TC-Token.
type Credential struct {
	SecretID  string `json:"secret_id"`
	SecretKey string `json:"secret_key"`
	Token     string `json:"token,omitempty"`
	Uin       int64  `json:"uin"`
	// SubUser marks a sub-user's key, which GetSessionToken grants longer
	// sessions than a root account's.
	SubUser bool `json:"sub_user,omitempty"`
	// Expires is set on temporary credentials the emulator issues.
	Expires time.Time `json:"-"`
}

// LoadWorld reads and validates a world file.
func LoadWorld(path string) (World, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return World{}, err
	}
	world, err := ParseWorld(data)
	if err != nil {
		return World{}, fmt.Errorf("%s: %w", path, err)
	}
	return world, nil
}

// ParseWorld decodes and validates a world document.
func ParseWorld(data []byte) (World, error) {
	var world World
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	if err := decoder.Decode(&world); err != nil {
		return World{}, fmt.Errorf("invalid world JSON: %w", err)
	}
	return world, world.Validate()
}

// Validate reports the first inconsistency that would make the emulator
// answer differently from what the world's author meant.
func (w World) Validate() error {
	if w.RateLimit < 0 {
		return fmt.Errorf("rate_limit must be positive, got %d", w.RateLimit)
	}
	if w.RateWindow != "" && w.RateWindow != RateWindowFixed && w.RateWindow != RateWindowSliding {
		return fmt.Errorf("rate_window must be %q or %q, got %q", RateWindowFixed, RateWindowSliding, w.RateWindow)
	}
	if w.ArrivalJitter != "" {
		if d, err := time.ParseDuration(w.ArrivalJitter); err != nil || d < 0 {
			return fmt.Errorf("arrival_jitter must be a duration such as \"30ms\", got %q", w.ArrivalJitter)
		}
	}
	secretIDs := map[string]bool{}
	for i, c := range w.Credentials {
		if c.SecretID == "" || c.SecretKey == "" {
			return fmt.Errorf("credentials[%d]: secret_id and secret_key are required", i)
		}
		if c.Uin <= 0 {
			return fmt.Errorf("credentials[%d]: uin must be a positive account uin", i)
		}
		if secretIDs[c.SecretID] {
			return fmt.Errorf("credentials[%d]: secret_id %q appears more than once", i, c.SecretID)
		}
		secretIDs[c.SecretID] = true
	}
	membership, err := validateOrganizations(w.Organizations)
	if err != nil {
		return err
	}
	roleArns := map[string]bool{}
	for i, r := range w.Roles {
		if r.RoleArn == "" || r.Uin <= 0 || roleArns[r.RoleArn] {
			return fmt.Errorf("roles[%d]: role_arn must be unique and non-empty, and uin positive", i)
		}
		roleArns[r.RoleArn] = true
	}
	roleNames := map[string]bool{}
	for i, r := range w.CVMRoles {
		if r.RoleName == "" || r.Uin <= 0 || roleNames[r.RoleName] {
			return fmt.Errorf("cvm_roles[%d]: role_name must be unique and non-empty, and uin positive", i)
		}
		roleNames[r.RoleName] = true
	}
	if err := w.validateIdentities(roleArns); err != nil {
		return err
	}
	if w.TemporaryCredentialLifetime != "" {
		if d, err := time.ParseDuration(w.TemporaryCredentialLifetime); err != nil || d <= 0 {
			return fmt.Errorf("temporary_credential_lifetime must be a positive duration such as \"1h\"")
		}
	}
	for i, f := range w.Faults {
		if err := f.validate(membership); err != nil {
			return fmt.Errorf("faults[%d]: %w", i, err)
		}
	}
	return nil
}

// validate checks a fault against membership, which it updates with the
// members that faults make join or leave so that no two faults move one uin.
func (f Fault) validate(membership *membership) error {
	if f.Count < 0 || f.MemberUin < 0 || f.AfterPage < 0 {
		return fmt.Errorf("count, member_uin and after_page must not be negative")
	}
	switch f.Kind {
	case FaultMemberLeaves, FaultMemberJoins:
		return f.validateMembershipChange(membership)
	case FaultInternalError, FaultBadGateway, FaultMalformedJSON, FaultTruncatedJSON, FaultReset:
		if f.Delay != "" {
			return fmt.Errorf("delay applies only to kind %q", FaultDelay)
		}
	case FaultDelay:
		if d, err := time.ParseDuration(f.Delay); err != nil || d <= 0 {
			return fmt.Errorf("kind %q needs a positive delay such as \"2s\"", FaultDelay)
		}
	default:
		return fmt.Errorf("kind %q is not one of %s, %s, %s, %s, %s, %s, %s, %s", f.Kind,
			FaultInternalError, FaultBadGateway, FaultMalformedJSON, FaultTruncatedJSON, FaultReset, FaultDelay,
			FaultMemberLeaves, FaultMemberJoins)
	}
	if f.AfterPage != 0 || f.Member != nil {
		return fmt.Errorf("after_page and member apply only to kinds %q and %q", FaultMemberLeaves, FaultMemberJoins)
	}
	if f.Action != "" {
		if _, served := actions[f.Action]; !served {
			return fmt.Errorf("action %q is not an action the emulator serves", f.Action)
		}
		if f.MemberUin != 0 && f.Action != actionEmailBind {
			return fmt.Errorf("member_uin matches only %s requests, so it never matches action %q", actionEmailBind, f.Action)
		}
	}
	return nil
}

func (f Fault) validateMembershipChange(membership *membership) error {
	if f.Count != 0 || f.Delay != "" || f.Action != "" {
		return fmt.Errorf("count, delay and action do not apply to kind %q, which happens once after page after_page", f.Kind)
	}
	if f.AfterPage < 1 {
		return fmt.Errorf("kind %q needs after_page of at least 1", f.Kind)
	}
	if f.Kind == FaultMemberLeaves {
		if f.Member != nil {
			return fmt.Errorf("kind %q takes member_uin, not member", f.Kind)
		}
		if !membership.members[f.MemberUin] {
			return fmt.Errorf("member_uin %d is not a member of any organization", f.MemberUin)
		}
		if membership.moved[f.MemberUin] {
			return fmt.Errorf("member %d already leaves by an earlier fault", f.MemberUin)
		}
		membership.moved[f.MemberUin] = true
		return nil
	}
	if f.Member == nil || f.MemberUin != 0 {
		return fmt.Errorf("kind %q takes member, not member_uin", f.Kind)
	}
	if err := f.Member.validate(); err != nil {
		return fmt.Errorf("member.%w", err)
	}
	uin := f.Member.MemberUin
	if membership.accounts[uin] || membership.moved[uin] {
		return fmt.Errorf("member: uin %d already belongs to an organization or joins by an earlier fault", uin)
	}
	membership.moved[uin] = true
	return nil
}
