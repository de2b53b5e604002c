// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package credentials

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// singleUse guards an exchange that spends an MFA code. STS accepts a code
// once, so after the first success asking again could only fail: the
// credential obtained must serve the whole run, and what comes after it is
// an error saying so, without a call. Until the first success (STS
// unreachable, say), the exchange may be tried again.
type singleUse struct {
	mu      sync.Mutex
	spent   bool
	expires time.Time
	// lost is why an exchange that may have reached STS failed: STS may have
	// spent the code, so it is not sent again.
	lost string
}

// do runs exchange unless a previous one succeeded. The lock is held across
// the exchange so that two Retrieves never both send the code.
func (s *singleUse) do(ctx context.Context, source string, exchange func(context.Context) (Value, error)) (Value, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.lost != "" {
		return Value{}, &Error{Source: source, Reason: fmt.Sprintf("the single-use MFA code may have reached STS in an attempt that "+
			"failed (%s); STS may have used it, so it is not sent again, and a new run needs a new code (token_code)", s.lost)}
	}
	if s.spent {
		tense := "expires"
		if !time.Now().Before(s.expires) {
			tense = "expired"
		}
		return Value{}, &Error{Source: source, Reason: fmt.Sprintf("the credential was obtained with a single-use MFA code and "+
			"cannot be renewed: it %s at %s, unless STS rejected it sooner, and a new run needs a new code (token_code)",
			tense, s.expires.UTC().Format(time.RFC3339))}
	}
	value, err := exchange(ctx)
	var callErr *tencentapi.Error
	switch {
	case err == nil:
		s.spent, s.expires = true, value.Expires
	case !errors.As(err, &callErr) || !callErr.Unsent():
		s.lost = reasonOf(err)
	}
	return value, err
}

// reasonOf is a failure's reason without the source's name, which the
// error that quotes it repeats.
func reasonOf(err error) string {
	var credErr *Error
	if errors.As(err, &credErr) {
		return credErr.Reason
	}
	return err.Error()
}
