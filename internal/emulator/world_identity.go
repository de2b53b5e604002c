// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/base64"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// WebIdentityToken is an OIDC token an identity provider issued, which
// AssumeRoleWithWebIdentity exchanges for a role's temporary credential.
type WebIdentityToken struct {
	// ProviderID is the identity provider's name, such as "OIDC".
	ProviderID string `json:"provider_id"`
	// Token is the token text, opaque to the emulator.
	Token string `json:"token"`
	// RoleArns are the roles whose trust policy accepts the token.
	RoleArns []string `json:"role_arns"`
	// ExpiresAt, RFC 3339, is when the token stops being accepted; empty means never.
	ExpiresAt string `json:"expires_at,omitempty"`
}

// SAMLAssertion is an assertion a SAML identity provider issued, which
// AssumeRoleWithSAML exchanges for a role's temporary credential.
type SAMLAssertion struct {
	// PrincipalArn is the identity provider's ARN, such as
	// qcs::cam::uin/100000000001:saml-provider/corp.
	PrincipalArn string `json:"principal_arn"`
	// Assertion is the base64 text a client sends.
	Assertion string   `json:"assertion"`
	RoleArns  []string `json:"role_arns"`
	ExpiresAt string   `json:"expires_at,omitempty"`
}

// MFADevice is a virtual MFA device of account Uin. Each of its codes is
// accepted once, by whichever action first sends it, as a one-time code is.
type MFADevice struct {
	// SerialNumber is qcs::cam:uin/<Uin>::mfa/softToken or another device type.
	SerialNumber string   `json:"serial_number"`
	Uin          int64    `json:"uin"`
	Codes        []string `json:"codes"`
}

var (
	samlProviderPattern = regexp.MustCompile(`^qcs::cam::uin/[1-9][0-9]*:saml-provider/[\w.@-]+$`)
	mfaSerialPattern    = regexp.MustCompile(`^qcs::cam:uin/([1-9][0-9]*)::mfa/\w+$`)
	// mfaCodePattern is a TOTP code, so that a world cannot hold a code no
	// authenticator app could show.
	mfaCodePattern = regexp.MustCompile(`^[0-9]{6}$`)
)

// validateIdentities checks the identity provider documents and MFA
// devices against the world's roles and credentials.
func (w World) validateIdentities(roleArns map[string]bool) error {
	tokens := map[string]bool{}
	for i, t := range w.WebIdentityTokens {
		where := fmt.Sprintf("web_identity_tokens[%d]", i)
		if t.ProviderID == "" || t.Token == "" {
			return fmt.Errorf("%s: provider_id and token are required", where)
		}
		if tokens[t.Token] {
			// Only the position is named: the token text is a credential.
			return fmt.Errorf("%s: its token appears more than once", where)
		}
		tokens[t.Token] = true
		if err := validateTrust(t.RoleArns, t.ExpiresAt, roleArns); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	assertions := map[string]bool{}
	for i, a := range w.SAMLAssertions {
		where := fmt.Sprintf("saml_assertions[%d]", i)
		if !samlProviderPattern.MatchString(a.PrincipalArn) {
			return fmt.Errorf("%s: principal_arn must be an identity provider ARN such as qcs::cam::uin/100000000001:saml-provider/corp, got %q", where, a.PrincipalArn)
		}
		if _, err := base64.StdEncoding.DecodeString(a.Assertion); err != nil || a.Assertion == "" {
			return fmt.Errorf("%s: assertion must be non-empty base64 text, as clients send it", where)
		}
		if assertions[a.Assertion] {
			return fmt.Errorf("%s: its assertion appears more than once", where)
		}
		assertions[a.Assertion] = true
		if err := validateTrust(a.RoleArns, a.ExpiresAt, roleArns); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
	}
	return w.validateMFADevices()
}

// validateTrust checks the roles a token or assertion may assume and when it expires.
func validateTrust(trusted []string, expiresAt string, roleArns map[string]bool) error {
	if len(trusted) == 0 {
		return fmt.Errorf("role_arns must name at least one role, or nothing could be assumed with it")
	}
	for _, arn := range trusted {
		if !roleArns[arn] {
			return fmt.Errorf("role_arns names %q, which is not in roles", arn)
		}
	}
	if expiresAt != "" {
		if _, err := time.Parse(time.RFC3339, expiresAt); err != nil {
			return fmt.Errorf("expires_at must be an RFC 3339 time such as \"2030-01-02T15:04:05Z\", got %q", expiresAt)
		}
	}
	return nil
}

func (w World) validateMFADevices() error {
	uins := map[int64]bool{}
	for _, c := range w.Credentials {
		uins[c.Uin] = true
	}
	serials := map[string]bool{}
	for i, d := range w.MFADevices {
		where := fmt.Sprintf("mfa_devices[%d]", i)
		match := mfaSerialPattern.FindStringSubmatch(d.SerialNumber)
		if match == nil {
			return fmt.Errorf("%s: serial_number must look like qcs::cam:uin/<uin>::mfa/softToken, got %q", where, d.SerialNumber)
		}
		if owner, _ := strconv.ParseInt(match[1], 10, 64); owner != d.Uin {
			return fmt.Errorf("%s: serial_number names uin %s, but uin is %d", where, match[1], d.Uin)
		}
		if !uins[d.Uin] {
			return fmt.Errorf("%s: uin %d has no credential, so no caller could use the device", where, d.Uin)
		}
		if serials[d.SerialNumber] {
			return fmt.Errorf("%s: serial_number %q appears more than once", where, d.SerialNumber)
		}
		serials[d.SerialNumber] = true
		if len(d.Codes) == 0 {
			return fmt.Errorf("%s: codes must hold at least one code", where)
		}
		codes := map[string]bool{}
		for j, code := range d.Codes {
			if !mfaCodePattern.MatchString(code) {
				return fmt.Errorf("%s: codes[%d] must be 6 digits", where, j)
			}
			if codes[code] {
				// A code is accepted once, so a second copy could never be used.
				return fmt.Errorf("%s: codes[%d] repeats an earlier code", where, j)
			}
			codes[code] = true
		}
	}
	return nil
}
