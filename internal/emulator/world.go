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
	// Schema names the world file's JSON Schema (tencentcloud-emulator
	// schema prints it) for editors; the emulator ignores it.
	Schema string `json:"$schema,omitempty"`

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
