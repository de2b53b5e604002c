// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"errors"
	"fmt"
	"strings"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

// maxNamedFailures is how many members a failed read names one by one.
const maxNamedFailures = 10

// readError says what a failed read of the organization could not read:
// each member whose binding failed, with the error code and RequestId
// support asks for, or the listing that failed. Errors of the
// Organization client carry no credential.
func readError(endpoint string, err error) error {
	var unread *organization.MembersUnreadError
	if errors.As(err, &unread) {
		var b strings.Builder
		fmt.Fprintf(&b, "reading the organization at %s: %s; no snapshot was written:", endpoint, unread)
		for i, failed := range unread.Failed {
			if i == maxNamedFailures {
				fmt.Fprintf(&b, "\n  and %d more", len(unread.Failed)-i)
				break
			}
			fmt.Fprintf(&b, "\n  member %d: %v", failed.MemberUin, failed.Err)
		}
		return errors.New(b.String())
	}
	return fmt.Errorf("reading the organization at %s: %w; no snapshot was written", endpoint, err)
}

// membersLeftError refuses a read in which members the listing showed
// answered that they are not members: the data source leaves them out with
// a warning, but a snapshot that leaves out a member the organization may
// still hold would be a partial one, which a policy test must not pass on.
func membersLeftError(endpoint string, left []int64) error {
	return fmt.Errorf("reading the organization at %s: %d members were listed but had left the organization by the end of the read "+
		"(%v); no snapshot was written. Record again once membership has settled", endpoint, len(left), left)
}
