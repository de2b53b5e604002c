// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The bench does not take the provider's word, nor the emulator's, for
// what a plan read: it checks the saved plan itself, member by member, so
// that a read that silently returned part of the organization fails.

// shownPlan is the part of `terraform show -json` the checks read. Data
// sources read during plan are in prior_state.
type shownPlan struct {
	PlannedValues struct {
		Outputs map[string]struct {
			Value json.RawMessage `json:"value"`
		} `json:"outputs"`
	} `json:"planned_values"`
	PriorState struct {
		Values struct {
			RootModule struct {
				Resources []shownResource `json:"resources"`
			} `json:"root_module"`
		} `json:"values"`
	} `json:"prior_state"`
}

type shownResource struct {
	Address string          `json:"address"`
	Mode    string          `json:"mode"`
	Type    string          `json:"type"`
	Values  json.RawMessage `json:"values"`
}

// verification is what a saved plan showed: how many members it read
// correctly, and the problems found, of which the first few are kept. Any
// problem fails the bench, even one that leaves every member read, such as
// a member listed twice or a total that disagrees with members.
type verification struct {
	total        int64 // the total output; -1 when missing
	verified     int
	problemCount int
	problems     []string
}

func (v *verification) problem(format string, args ...any) {
	v.problemCount++
	if len(v.problems) < 5 {
		v.problems = append(v.problems, fmt.Sprintf(format, args...))
	}
}

func decodeShown(shown []byte) (shownPlan, error) {
	var p shownPlan
	decoder := json.NewDecoder(bytes.NewReader(shown))
	decoder.UseNumber() // UINs stay exact
	return p, decoder.Decode(&p)
}

// inventoryMember is a member of the inventory's members attribute.
type inventoryMember struct {
	MemberUin int64  `json:"member_uin"`
	Name      string `json:"name"`
	EmailBind *struct {
		Email string `json:"email"`
	} `json:"email_bind"`
}

// verifyInventory checks that the inventory's total output is n and that
// members holds each of the n members exactly once, with its listing name
// and, when includeEmailBind, its binding's email (else no binding).
func verifyInventory(shown []byte, n int, includeEmailBind bool) verification {
	v := verification{total: -1}
	p, err := decodeShown(shown)
	if err != nil {
		v.problem("terraform show -json: %v", err)
		return v
	}
	if out, ok := p.PlannedValues.Outputs["total"]; !ok || json.Unmarshal(out.Value, &v.total) != nil {
		v.problem("the plan has no numeric output total")
	} else if v.total != int64(n) {
		v.problem("output total is %d, not %d", v.total, n)
	}
	var members []inventoryMember
	for _, r := range p.PriorState.Values.RootModule.Resources {
		if r.Type != "tencentcloud_organization_member_email_binds" {
			continue
		}
		var values struct {
			Members []inventoryMember `json:"members"`
		}
		if err := json.Unmarshal(r.Values, &values); err != nil {
			v.problem("%s: %v", r.Address, err)
		}
		members = values.Members
	}
	seen := make([]bool, n)
	for _, m := range members {
		i := int(m.MemberUin - firstUin)
		switch {
		case i < 0 || i >= n:
			v.problem("member %d is not in the organization", m.MemberUin)
		case seen[i]:
			v.problem("member %d appears more than once", m.MemberUin)
		case m.Name != memberName(i):
			v.problem("member %d has name %q, not %q", m.MemberUin, m.Name, memberName(i))
		case includeEmailBind && (m.EmailBind == nil || m.EmailBind.Email != memberEmail(i)):
			v.problem("member %d has no email binding, or the wrong one", m.MemberUin)
		case !includeEmailBind && m.EmailBind != nil:
			v.problem("member %d has an email binding although include_email_bind is false", m.MemberUin)
		default:
			seen[i] = true
			v.verified++
		}
	}
	if v.verified < n {
		v.problem("%d of %d members are missing from members or wrong (%d listed)", n-v.verified, n, len(members))
	}
	return v
}

// verifyCount checks that the n single data sources each read their
// member's binding.
func verifyCount(shown []byte, n int) verification {
	v := verification{total: -1}
	p, err := decodeShown(shown)
	if err != nil {
		v.problem("terraform show -json: %v", err)
		return v
	}
	if out, ok := p.PlannedValues.Outputs["read"]; ok {
		_ = json.Unmarshal(out.Value, &v.total)
	}
	seen := make([]bool, n)
	for _, r := range p.PriorState.Values.RootModule.Resources {
		if r.Type != "tencentcloud_organization_member_email_bind" {
			continue
		}
		var values struct {
			MemberUin int64  `json:"member_uin"`
			Email     string `json:"email"`
		}
		if err := json.Unmarshal(r.Values, &values); err != nil {
			v.problem("%s: %v", r.Address, err)
			continue
		}
		i := int(values.MemberUin - firstUin)
		switch {
		case i < 0 || i >= n || seen[i]:
			v.problem("%s read member %d, which is not one of the members asked for once", r.Address, values.MemberUin)
		case values.Email != memberEmail(i):
			v.problem("%s has email %q, not %q", r.Address, values.Email, memberEmail(i))
		default:
			seen[i] = true
			v.verified++
		}
	}
	if v.verified < n {
		v.problem("%d of %d data sources did not read their member", n-v.verified, n)
	}
	return v
}
