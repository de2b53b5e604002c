// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
)

// What AssumeRole takes as a session policy and as session tags, read
// strictly: the SDK's models give the limits, its declared codes say how a
// refusal is answered.
const (
	// maxPolicyLength is the longest Policy, counted as sent, URL-encoded:
	// the SDK's model says 2048 characters.
	maxPolicyLength = 2048
	// maxSessionTags is how many session tags AssumeRole takes; a tag's key
	// and value are at most as long as CAM tags allow.
	maxSessionTags     = 50
	maxTagKeyLength    = 128
	maxTagValueLength  = 256
	policyFormatError  = "InvalidParameter.StrategyFormatError"
	policyInvalidError = "InvalidParameter.StrategyInvalid"
)

// checkSessionPolicy checks that Policy is a URL-encoded CAM policy
// document, which the action decodes before it parses it. Its statements
// grant or deny actions on resources: a principal is the role's trust
// policy's business and is refused, as is any field CAM does not define.
func checkSessionPolicy(encoded string) *apiError {
	decoded, err := url.QueryUnescape(encoded)
	if err != nil {
		return errorf(policyFormatError, "Policy is not URL-encoded: %s", err)
	}
	var document struct {
		Version   *string           `json:"version"`
		Statement []json.RawMessage `json:"statement"`
	}
	if err := strictDecode([]byte(decoded), &document); err != nil {
		return errorf(policyFormatError, "Policy is not a JSON policy document: %s", err)
	}
	if document.Version == nil || *document.Version != "2.0" || len(document.Statement) == 0 {
		return errorf(policyFormatError, "Policy needs version \"2.0\" and at least one statement.")
	}
	for i, raw := range document.Statement {
		if apiErr := checkStatement(i, raw); apiErr != nil {
			return apiErr
		}
	}
	return nil
}

// checkStatement checks one statement of a session policy.
func checkStatement(i int, raw json.RawMessage) *apiError {
	var fields map[string]json.RawMessage
	if json.Unmarshal(raw, &fields) != nil || fields == nil {
		return errorf(policyFormatError, "Policy statement %d is not a JSON object.", i)
	}
	for name := range fields {
		if strings.EqualFold(name, "principal") {
			return errorf(policyInvalidError, "Policy statement %d names a principal, which a session policy may not.", i)
		}
	}
	var statement struct {
		Effect    string          `json:"effect"`
		Action    json.RawMessage `json:"action"`
		Resource  json.RawMessage `json:"resource"`
		Condition json.RawMessage `json:"condition"`
	}
	if err := strictDecode(raw, &statement); err != nil {
		return errorf(policyFormatError, "Policy statement %d: %s", i, err)
	}
	if effect := strings.ToLower(statement.Effect); effect != "allow" && effect != "deny" {
		return errorf(policyFormatError, "Policy statement %d needs effect \"allow\" or \"deny\".", i)
	}
	actions, ok := stringOrList(statement.Action)
	if !ok || len(actions) == 0 {
		return errorf(policyFormatError, "Policy statement %d needs action: a string or a list of strings.", i)
	}
	for _, action := range actions {
		if service, name, found := strings.Cut(action, ":"); action != "*" && (!found || service == "" || name == "") {
			return errorf(policyInvalidError, "Policy statement %d: action %q is not service:Action.", i, action)
		}
	}
	resources, ok := stringOrList(statement.Resource)
	if !ok || len(resources) == 0 {
		return errorf(policyFormatError, "Policy statement %d needs resource: a string or a list of strings.", i)
	}
	for _, resource := range resources {
		if resource != "*" && !strings.HasPrefix(resource, "qcs:") {
			return errorf("InvalidParameter.ResouceError", "Policy statement %d: resource %q is neither * nor a qcs:: resource name.", i, resource)
		}
	}
	return nil
}

// stringOrList reads a policy element that is one string or a list of them.
func stringOrList(raw json.RawMessage) ([]string, bool) {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		return []string{one}, true
	}
	var list []string
	return list, json.Unmarshal(raw, &list) == nil
}

// strictDecode decodes data into v, refusing fields v does not define.
func strictDecode(data []byte, v any) error {
	decoder := json.NewDecoder(bytes.NewReader(data))
	decoder.DisallowUnknownFields()
	return decoder.Decode(v)
}
