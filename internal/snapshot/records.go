// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"encoding/json"
	"fmt"

	sdkjson "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/json"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// fields is an API record as a world file holds it: output field names as
// keys, each value the JSON the API sent.
type fields map[string]json.RawMessage

// listingFields is a member's listing entry without MemberUin, which the
// world keeps beside it so that the two cannot disagree.
func listingFields(m *organization.OrgMember) (fields, error) {
	f, err := recordFields(m)
	delete(f, "MemberUin")
	return f, err
}

// bindFields is a binding without RequestId, which belongs to the call
// that read it, not to the member.
func bindFields(b *organization.DescribeOrganizationMemberEmailBindResponseParams) (fields, error) {
	f, err := recordFields(b)
	delete(f, "RequestId")
	return f, err
}

// recordFields encodes a decoded record back into its fields. The SDK's
// encoder leaves out nil fields only, so a field the API left out (or sent
// as null, which the provider reads the same) stays out, and an empty list
// stays an empty list, which encoding/json's omitempty would drop; numbers
// are written from their integers, so they stay exact.
func recordFields(record any) (fields, error) {
	data, err := sdkjson.Marshal(record)
	if err != nil {
		return nil, fmt.Errorf("encoding %T: %w", record, err)
	}
	f := fields{}
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("encoding %T: %w", record, err)
	}
	return f, nil
}

// raw is f as one JSON object, its keys sorted.
func (f fields) raw() (json.RawMessage, error) {
	return json.Marshal(f)
}
