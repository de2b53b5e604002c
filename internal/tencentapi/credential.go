// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import "context"

// refresher is a credential that may need fetching anew, such as a
// temporary one; it is asked before every attempt so that no request goes
// out with an expired token.
type refresher interface {
	Refresh(ctx context.Context) error
}

// readier is a refresher that can say, without waiting, whether it can
// still sign, for a call whose turn came after a wait.
type readier interface {
	Ready(ctx context.Context) bool
}

// invalidator is a credential that can be told its token was rejected;
// it reports whether a new one can be fetched.
type invalidator interface {
	Invalidate() bool
}

// renewRejectedToken handles a temporary credential that the API calls
// invalid although it has not expired here, as when this machine's clock is
// behind: it marks the credential for renewal and reports whether to retry.
func (c *Client) renewRejectedToken(failure *Error) bool {
	inv, ok := c.credential.(invalidator)
	if !ok || failure == nil || failure.Code != "AuthFailure.TokenFailure" {
		return false
	}
	return inv.Invalidate()
}

func (c *Client) refreshCredential(ctx context.Context) *Error {
	r, ok := c.credential.(refresher)
	if !ok {
		return nil
	}
	if err := r.Refresh(ctx); err != nil {
		if ctx.Err() != nil {
			return cancelled(ctx, err)
		}
		return &Error{Code: CodeCredentialError, Message: err.Error(), unsent: true, err: err}
	}
	return nil
}
