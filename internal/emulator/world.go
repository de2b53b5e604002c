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

// DefaultRateLimit is the documented limit of DescribeOrganizationMemberEmailBind.
const DefaultRateLimit = 20

// World is everything the emulator knows: which credentials it accepts, which
// account each belongs to, and the organizations those accounts run.
type World struct {
	// RateLimit is requests per second per SecretId; zero means DefaultRateLimit.
	RateLimit int `json:"rate_limit,omitempty"`

	Credentials   []Credential   `json:"credentials"`
	Organizations []Organization `json:"organizations"`

	// Roles can be assumed with STS AssumeRole by any accepted credential;
	// CVMRoles are served by the instance metadata paths.
	Roles    []Role    `json:"roles,omitempty"`
	CVMRoles []CVMRole `json:"cvm_roles,omitempty"`

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
}

// CVMRole is a CAM role bound to the emulated CVM instance.
type CVMRole struct {
	RoleName string `json:"role_name"`
	Uin      int64  `json:"uin"`
}

// Fault kinds, each a way real networks and gateways fail.
const (
	FaultInternalError = "internal_error" // the API's InternalError
	FaultBadGateway    = "bad_gateway"    // HTTP 502 with an HTML page, as a gateway sends
	FaultMalformedJSON = "malformed_json" // well-formed JSON of the wrong shape
	FaultTruncatedJSON = "truncated_json" // a success response cut in half
	FaultReset         = "reset"          // the TCP connection reset before any answer
	FaultDelay         = "delay"          // the normal answer, after Delay
)

// Fault makes the emulator misbehave on purpose.
type Fault struct {
	Kind string `json:"kind"`
	// MemberUin limits the fault to requests for one member; zero matches every request.
	MemberUin int64 `json:"member_uin,omitempty"`
	// Count is how many matching requests get the fault; zero means all of them.
	Count int `json:"count,omitempty"`
	// Delay is how long a delay fault holds the answer, as a Go duration such as "2s".
	Delay string `json:"delay,omitempty"`
}

// Credential is an API key pair of an account. A non-empty Token makes it a
// temporary credential that is only accepted together with that X-TC-Token.
type Credential struct {
	SecretID  string `json:"secret_id"`
	SecretKey string `json:"secret_key"`
	Token     string `json:"token,omitempty"`
	Uin       int64  `json:"uin"`
	// Expires is set on temporary credentials the emulator issues.
	Expires time.Time `json:"-"`
}

// Organization is run by AdminUin. Callers whose uin is the admin or a member
// see its members; every other caller has no organization.
type Organization struct {
	AdminUin int64    `json:"admin_uin"`
	Members  []Member `json:"members"`
}

// Member carries its email binding record exactly as the API returns it:
// output field names as keys, fields left out are left out of the response,
// and explicit nulls stay null.
type Member struct {
	MemberUin int64           `json:"member_uin"`
	EmailBind json.RawMessage `json:"email_bind,omitempty"`
}

// emailBindFieldKinds lists the action's output fields and the JSON kind each must have.
var emailBindFieldKinds = map[string]string{
	"BindId":      "integer",
	"ApplyTime":   "string",
	"Email":       "string",
	"Phone":       "string",
	"BindStatus":  "string",
	"BindTime":    "string",
	"Description": "string",
	"PhoneBind":   "integer",
	"CountryCode": "string",
}

var kindDescriptions = map[string]string{"integer": "a non-negative integer", "string": "a string"}

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
	inOrganization := map[int64]bool{}
	for i, org := range w.Organizations {
		if org.AdminUin <= 0 {
			return fmt.Errorf("organizations[%d]: admin_uin must be a positive account uin", i)
		}
		if inOrganization[org.AdminUin] {
			return fmt.Errorf("organizations[%d]: admin uin %d already belongs to another organization", i, org.AdminUin)
		}
		inOrganization[org.AdminUin] = true
		for j, m := range org.Members {
			if m.MemberUin <= 0 {
				return fmt.Errorf("organizations[%d].members[%d]: member_uin must be a positive account uin", i, j)
			}
			if inOrganization[m.MemberUin] && m.MemberUin != org.AdminUin {
				return fmt.Errorf("organizations[%d].members[%d]: uin %d belongs to more than one organization", i, j, m.MemberUin)
			}
			inOrganization[m.MemberUin] = true
			if err := validateEmailBind(m.EmailBind); err != nil {
				return fmt.Errorf("organizations[%d].members[%d].email_bind: %w", i, j, err)
			}
		}
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
	if w.TemporaryCredentialLifetime != "" {
		if d, err := time.ParseDuration(w.TemporaryCredentialLifetime); err != nil || d <= 0 {
			return fmt.Errorf("temporary_credential_lifetime must be a positive duration such as \"1h\"")
		}
	}
	for i, f := range w.Faults {
		if err := f.validate(); err != nil {
			return fmt.Errorf("faults[%d]: %w", i, err)
		}
	}
	return nil
}

func (f Fault) validate() error {
	switch f.Kind {
	case FaultInternalError, FaultBadGateway, FaultMalformedJSON, FaultTruncatedJSON, FaultReset:
		if f.Delay != "" {
			return fmt.Errorf("delay applies only to kind %q", FaultDelay)
		}
	case FaultDelay:
		if d, err := time.ParseDuration(f.Delay); err != nil || d <= 0 {
			return fmt.Errorf("kind %q needs a positive delay such as \"2s\"", FaultDelay)
		}
	default:
		return fmt.Errorf("kind %q is not one of %s, %s, %s, %s, %s, %s", f.Kind,
			FaultInternalError, FaultBadGateway, FaultMalformedJSON, FaultTruncatedJSON, FaultReset, FaultDelay)
	}
	if f.Count < 0 || f.MemberUin < 0 {
		return fmt.Errorf("count and member_uin must not be negative")
	}
	return nil
}

func validateEmailBind(raw json.RawMessage) error {
	if len(raw) == 0 {
		return nil
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return fmt.Errorf("must be an object of output fields: %w", err)
	}
	for name, value := range fields {
		kind, known := emailBindFieldKinds[name]
		if !known {
			return fmt.Errorf("%q is not an output field of DescribeOrganizationMemberEmailBind", name)
		}
		if string(value) == "null" {
			continue
		}
		var err error
		switch kind {
		case "integer":
			var n uint64
			err = json.Unmarshal(value, &n)
		case "string":
			var s string
			err = json.Unmarshal(value, &s)
		}
		if err != nil {
			return fmt.Errorf("%s must be %s or null, got %s", name, kindDescriptions[kind], value)
		}
	}
	return nil
}

func (w World) rateLimit() int {
	if w.RateLimit == 0 {
		return DefaultRateLimit
	}
	return w.RateLimit
}
