// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"encoding/json"
	"fmt"
)

// Masking replaces the fields that can name or reach a person: the
// listing's Name, NickName, PayName and Remark (free text an administrator
// may write anything in), and the binding's Email, Phone and Description
// (a failure's free text, which may quote the address; "success" stays). Each becomes a
// value made from the member's UIN (the payer's, for PayName), so that a
// snapshot is the same every time it is recorded and a value several
// members share (one payer) stays shared. UINs, statuses, units, tags, identity
// names, bind IDs and times are kept: they are what policies check, and
// the docs say so, since an administrator may have put a name in a tag.

// maskListing replaces the listing's personal fields of member uin.
func maskListing(uin int64, f fields) {
	payer := fmt.Sprint(uin)
	if s, ok := stringValue(f["PayUin"]); ok && s != "" {
		payer = s
	}
	replace(f, "Name", fmt.Sprintf("member-%d", uin))
	replace(f, "NickName", fmt.Sprintf("nick-%d", uin))
	replace(f, "PayName", "payer-"+payer)
	replace(f, "Remark", fmt.Sprintf("remark-%d", uin))
}

// maskBind replaces the binding's contacts of member uin. The phone keeps
// the shape the API masks phones in ("18***32"), with digits that belong
// to no one.
func maskBind(uin int64, f fields) {
	replace(f, "Email", fmt.Sprintf("member-%d@example.invalid", uin))
	replace(f, "Phone", fmt.Sprintf("00***%02d", uin%100))
	if s, _ := stringValue(f["Description"]); s != descriptionSuccess {
		replace(f, "Description", fmt.Sprintf("description-%d", uin))
	}
}

// descriptionSuccess is the Description of a binding that succeeded, the
// API's own word, which names no one and which a policy may check.
const descriptionSuccess = "success"

// replace sets field name to value when it holds a non-empty string. A
// field left out, null or empty stays so: whether a contact is there at
// all is what a policy checks, and masking must not change the answer.
func replace(f fields, name, value string) {
	if s, ok := stringValue(f[name]); !ok || s == "" {
		return
	}
	f[name], _ = json.Marshal(value)
}

// stringValue is raw as a string, if it is one.
func stringValue(raw json.RawMessage) (string, bool) {
	var s *string
	if err := json.Unmarshal(raw, &s); err != nil || s == nil {
		return "", false
	}
	return *s, true
}
