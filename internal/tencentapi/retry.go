// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"math/rand/v2"
	"net"
	"strings"
	"time"
)

// Backoff is exponential backoff with full jitter: the wait before retry n
// (1-based) is random in [0, min(Max, Base*2^(n-1))), so that calls
// throttled together do not retry together.
type Backoff struct {
	Base time.Duration
	Max  time.Duration
}

// DefaultBackoff is what every client uses unless told otherwise.
var DefaultBackoff = Backoff{Base: 500 * time.Millisecond, Max: 20 * time.Second}

// Delay is the wait before retry n.
func (b Backoff) Delay(n int) time.Duration {
	ceiling := b.Max
	if n-1 < 32 {
		ceiling = min(b.Max, b.Base<<(n-1))
	}
	if ceiling <= 0 {
		return 0
	}
	return rand.N(ceiling)
}

// Sleep waits d or until ctx ends, reporting whether the full wait passed.
func Sleep(ctx context.Context, d time.Duration) bool {
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// retryableFamilies are the error code families that say "try again",
// besides throttling.
var retryableFamilies = map[string]bool{
	"InternalError":       true,
	"ServiceUnavailable":  true,
	"ResourceUnavailable": true,
}

// throttled reports whether an API error code says the request was over
// the rate limit: the common code RequestLimitExceeded with every sub-code
// (RequestLimitExceeded.UinLimitExceeded, .IPLimitExceeded, ...), and STS's
// InvalidParameter.OverLimit, "Frequency limit exceeded" in the SDK's
// errors.go (tencentcloud/sts/v20180813), which its client.go declares for AssumeRole,
// AssumeRoleWithSAML and AssumeRoleWithWebIdentity; AssumeRole declares no
// RequestLimitExceeded, so a real STS throttle may carry only this code.
// This is the one rule for throttling: retries, their slot delay, the
// count of throttles and "not acted on" all ask it.
func throttled(code string) bool {
	family, _, _ := strings.Cut(code, ".")
	return family == "RequestLimitExceeded" || code == "InvalidParameter.OverLimit"
}

// RetryableCode reports whether an API error code says "try again":
// throttling and temporary service errors, with all their sub-codes.
func RetryableCode(code string) bool {
	family, _, _ := strings.Cut(code, ".")
	return throttled(code) || retryableFamilies[family]
}

// PermanentNetworkError recognises network failures that asking again will
// not fix: a host name that does not exist, and a certificate that is not
// trusted or does not match. Everything else (refused or reset connections,
// EOF, timeouts, temporary DNS failures) is worth another attempt.
func PermanentNetworkError(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return dnsErr.IsNotFound
	}
	var (
		verification *tls.CertificateVerificationError
		unknownCA    x509.UnknownAuthorityError
		wrongHost    x509.HostnameError
		invalid      x509.CertificateInvalidError
		notTLS       tls.RecordHeaderError
	)
	return errors.As(err, &verification) || errors.As(err, &unknownCA) || errors.As(err, &wrongHost) ||
		errors.As(err, &invalid) || errors.As(err, &notTLS)
}
