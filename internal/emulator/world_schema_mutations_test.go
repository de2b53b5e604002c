// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"math/big"
	"regexp"
	"slices"
	"strings"
)

// fullWorld sets every property the schema describes, in every object, so
// that each of the schema's constraints has a value to break.
const fullWorld = `{
  "$schema": "./world.schema.json",
  "rate_limit": 20,
  "rate_window": "sliding",
  "arrival_jitter": "30ms",
  "temporary_credential_lifetime": "1h",
  "credentials": [
    {"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 100000000001},
    {"secret_id": "AKIDtemp", "secret_key": "temp-key", "token": "session-token", "uin": 100000000001, "sub_user": true}
  ],
  "organizations": [{
    "admin_uin": 100000000001,
    "nodes": [{"node_id": 2001, "name": "Engineering"}],
    "trusted_services": ["Tag"],
    "delegated_admins": [{"product": "Tag", "uin": 100033118139}],
    "members": [{
      "member_uin": 100033118139,
      "auth_name": "Example Ltd",
      "listing": {
        "Name": "production", "NickName": "prod", "MemberType": "Create", "NodeId": 2001, "NodeName": "Engineering",
        "Remark": "", "CreateTime": "2022-01-13 12:09:08", "UpdateTime": "2022-01-13 12:09:08", "IsAllowQuit": "Denied",
        "PayUin": "100000000001", "PayName": "admin", "PermissionStatus": "Confirmed", "OrgPolicyType": "Financial",
        "OrgPolicyName": "Finance", "BindStatus": "Success",
        "OrgPermission": [{"Id": 1, "Name": "Billing"}],
        "OrgIdentity": [{"IdentityId": 1, "IdentityAliasName": "admin"}],
        "Tags": [{"TagKey": "env", "TagValue": "prod"}]
      },
      "email_bind": {
        "BindId": 1, "ApplyTime": "2022-01-13 12:09:08", "Email": "123@qq.com", "Phone": "18***32", "BindStatus": "Success",
        "BindTime": "2022-01-13 18:09:08", "Description": "success", "PhoneBind": 0, "CountryCode": "86"
      }
    }]
  }],
  "roles": [{"role_arn": "qcs::cam::uin/100000000001:roleName/auditor", "uin": 100000000001, "external_id": "ext-1", "mfa_required": true}],
  "cvm_roles": [{"role_name": "cvm-auditor", "uin": 100000000001}],
  "web_identity_tokens": [
    {"provider_id": "OIDC", "token": "oidc-token", "role_arns": ["qcs::cam::uin/100000000001:roleName/auditor"], "expires_at": "2999-01-01T00:00:00Z"}
  ],
  "saml_assertions": [
    {"principal_arn": "qcs::cam::uin/100000000001:saml-provider/corp", "assertion": "PHNhbWw+", "role_arns": ["qcs::cam::uin/100000000001:roleName/auditor"], "expires_at": "2999-01-01T08:00:00.5+08:00"}
  ],
  "mfa_devices": [{"serial_number": "qcs::cam:uin/100000000001::mfa/softToken", "uin": 100000000001, "codes": ["123456", "654321"]}],
  "faults": [
    {"kind": "delay", "action": "DescribeOrganizationMemberEmailBind", "member_uin": 100033118139, "count": 1, "delay": "2s"},
    {"kind": "error", "action": "DescribeOrganizationMembers", "code": "InternalError", "count": 1},
    {"kind": "listing_total_bonus", "bonus": 5, "count": 1},
    {"kind": "listing_total_deficit", "deficit": 5, "count": 1},
    {"kind": "member_joins", "after_page": 1, "member": {"member_uin": 100033118150, "listing": {"Name": "joiner"}}}
  ]
}`

// mutation breaks one constraint of the schema at one place in a world.
type mutation struct {
	// constraint is the schema location of the keyword broken, and for
	// required the property left out: "#/$defs/Node/required/name".
	constraint string
	path       []any // property names and indices to the value changed
	apply      func(world any) any
}

// mutations returns a mutation for each constraint of the schema at every
// place of world it applies to.
func mutations(v schemaValidator, world any) []mutation {
	var out []mutation
	var walk func(s map[string]any, location string, instance any, path []any)
	walk = func(s map[string]any, location string, instance any, path []any) {
		s, location = v.resolve(s, location)
		replace := func(keyword string, value any) {
			out = append(out, mutation{location + "/" + keyword, path, func(w any) any { return setAt(w, path, value) }})
		}
		for _, keyword := range []string{"type", "enum", "minimum", "minLength", "pattern", "minItems", "uniqueItems"} {
			if limit, ok := s[keyword]; ok {
				replace(keyword, breakingValue(keyword, limit, instance))
			}
		}
		switch value := instance.(type) {
		case map[string]any:
			required, _ := s["required"].([]any)
			for _, name := range required {
				out = append(out, mutation{location + "/required/" + asString(name), path, func(w any) any {
					delete(asObject(getAt(w, path)), asString(name))
					return w
				}})
			}
			if s["additionalProperties"] == false {
				out = append(out, mutation{location + "/additionalProperties", path, func(w any) any {
					return setAt(w, append(slices.Clone(path), "unexpected_property"), true)
				}})
			}
			properties, _ := s["properties"].(map[string]any)
			for name, child := range value {
				if childSchema, ok := properties[name].(map[string]any); ok {
					walk(childSchema, location+"/properties/"+name, child, append(slices.Clone(path), name))
				}
			}
		case []any:
			if itemSchema, ok := s["items"].(map[string]any); ok {
				for i, item := range value {
					walk(itemSchema, location+"/items", item, append(slices.Clone(path), i))
				}
			}
		}
	}
	walk(v.root, "#", world, nil)
	return out
}

// breakingValue returns a value in place of instance that breaks keyword's limit.
func breakingValue(keyword string, limit, instance any) any {
	switch keyword {
	case "type":
		allowed := typeNames(limit)
		for _, candidate := range []any{"text", json.Number("7"), true, []any{}, map[string]any{}} {
			if !slices.Contains(allowed, jsonTypeOf(candidate)) {
				return candidate
			}
		}
	case "enum":
		return "not-one-of-the-enum"
	case "minimum":
		least := big.NewInt(asInt(limit))
		return json.Number(least.Sub(least, big.NewInt(1)).String())
	case "minLength":
		return strings.Repeat("a", int(asInt(limit)-1))
	case "pattern":
		if regexp.MustCompile(asString(limit)).MatchString("does not match") {
			panic("the pattern " + asString(limit) + " matches the value meant to break it")
		}
		return "does not match"
	case "minItems":
		return asList(instance)[:asInt(limit)-1]
	case "uniqueItems":
		items := asList(instance)
		return append(slices.Clone(items), items[0])
	}
	panic("no way to break " + keyword)
}

// schemaConstraints lists the constraints of schema s at location and
// below, named as mutation.constraint names them; $ref is not followed, since
// each definition is listed from $defs.
func schemaConstraints(s map[string]any, location string) []string {
	var out []string
	for _, keyword := range []string{"type", "enum", "minimum", "minLength", "pattern", "minItems", "uniqueItems"} {
		if _, ok := s[keyword]; ok {
			out = append(out, location+"/"+keyword)
		}
	}
	required, _ := s["required"].([]any)
	for _, name := range required {
		out = append(out, location+"/required/"+asString(name))
	}
	if s["additionalProperties"] == false {
		out = append(out, location+"/additionalProperties")
	}
	properties, _ := s["properties"].(map[string]any)
	for name, child := range properties {
		out = append(out, schemaConstraints(asObject(child), location+"/properties/"+name)...)
	}
	if items, ok := s["items"].(map[string]any); ok {
		out = append(out, schemaConstraints(items, location+"/items")...)
	}
	return out
}

// getAt returns the value at path in a decoded JSON value.
func getAt(v any, path []any) any {
	for _, step := range path {
		switch key := step.(type) {
		case string:
			v = asObject(v)[key]
		case int:
			v = asList(v)[key]
		}
	}
	return v
}

// setAt sets the value at path, returning the root, which changes when
// path is empty.
func setAt(root any, path []any, value any) any {
	if len(path) == 0 {
		return value
	}
	switch parent, key := getAt(root, path[:len(path)-1]), path[len(path)-1]; key := key.(type) {
	case string:
		asObject(parent)[key] = value
	case int:
		asList(parent)[key] = value
	}
	return root
}
