// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package credentials finds and refreshes Tencent Cloud credentials: static
// keys, tccli profiles, CVM instance roles, and the temporary credentials
// STS exchanges for a key (AssumeRole, MFA sessions), an OIDC token or a
// SAML assertion. Nothing is cached process-wide, so every provider
// configuration has its own.
package credentials

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Value is one credential. A zero Expires means it does not expire.
type Value struct {
	SecretID  string
	SecretKey string
	Token     string
	Expires   time.Time
}

// Source fetches a credential. Describe says where from, for messages; it
// never includes a secret.
type Source interface {
	Retrieve(ctx context.Context) (Value, error)
	Describe() string
}

// Static is a credential given outright.
type Static struct {
	Value       Value
	Description string
}

func (s Static) Retrieve(context.Context) (Value, error) { return s.Value, nil }
func (s Static) Describe() string                        { return s.Description }

// Error says which source failed and why, without any secret.
type Error struct {
	Source string
	Reason string
	// Code and RequestID are set when an API (STS) refused.
	Code      string
	RequestID string
	// Err is the failure underneath, such as STS's *tencentapi.Error, for
	// errors.Is and errors.As (a cancelled call is context.Canceled). Its
	// text is already in Reason.
	Err error
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%s: %s", e.Source, e.Reason)
	if e.Code != "" {
		msg += fmt.Sprintf(" (error code %s, RequestId %s)", e.Code, e.RequestID)
	}
	return msg
}

func (e *Error) Unwrap() error { return e.Err }

// maxRefreshMargin is how long before expiry a temporary credential is
// replaced; shorter-lived credentials are replaced when a quarter of their
// life is left.
const maxRefreshMargin = 5 * time.Minute

// refreshRetryInterval is how long after a failed refresh the next may
// start while the current credential is still valid, so that a source that
// fails at once (STS refusing, say) is not asked again on every request.
const refreshRetryInterval = 5 * time.Second

// Cache holds a source's current credential and replaces it before it
// expires. It implements the SDK's CredentialIface, so a client signs with
// whatever is current; Refresh must be called before each request, so that
// a credential is fetched when there is none and replaced before it expires.
type Cache struct {
	source Source
	now    func() time.Time

	// OnRefreshFailure, when set before the first Refresh, is told when a
	// refresh fails while the current credential is still valid, which
	// requests go on signing with until expires: once per credential, since
	// no request fails yet and a warning per request would drown the log.
	OnRefreshFailure func(ctx context.Context, err error, expires time.Time)

	mu       sync.RWMutex
	current  Value
	obtained time.Time
	stale    bool
	inflight *fetch
	// retryAfter is when a refresh may start again after one failed.
	retryAfter time.Time
	warned     bool
}

// fetch is one Retrieve that every caller needing a credential waits for.
type fetch struct {
	done chan struct{}
	err  error
}

// NewCache returns a cache that has fetched nothing yet.
func NewCache(source Source) *Cache {
	return &Cache{source: source, now: time.Now}
}

// Describe says where the credential comes from.
func (c *Cache) Describe() string { return c.source.Describe() }

// Refresh makes sure there is a credential to sign with. A credential due
// for replacement but still valid is used as it is while one fetch at a
// time replaces it in the background: a slow or failing source (a whole STS
// retry cycle against a 502 takes about a minute) must not hold up reads
// that can still be signed. Only when there is no valid credential, none
// yet or expired or rejected, do callers wait, sharing one fetch, each
// until its own context ends.
func (c *Cache) Refresh(ctx context.Context) error {
	c.mu.Lock()
	if c.ready(ctx) {
		c.mu.Unlock()
		return nil
	}
	f := c.inflight
	if f == nil {
		f = c.start(ctx)
	}
	c.mu.Unlock()
	select {
	case <-f.done:
		return f.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Ready reports, without waiting, whether the current credential can sign
// now, and starts its replacement in the background when one is due. A
// request that queued after its Refresh asks again when its turn comes.
func (c *Cache) Ready(ctx context.Context) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ready(ctx)
}

// ready is Ready with c.mu held.
func (c *Cache) ready(ctx context.Context) bool {
	if c.fresh() {
		return true
	}
	if !c.usable() {
		return false
	}
	if c.inflight == nil && !c.now().Before(c.retryAfter) {
		c.start(ctx)
	}
	return true
}

// start begins a fetch, with c.mu held. The fetch outlives the cancellation
// of the caller that started it, which may be one read among many waiting,
// or one that has already gone on with the current credential; it keeps
// the caller's values, such as its logger, and is bounded by the source's
// own timeouts and retries.
func (c *Cache) start(ctx context.Context) *fetch {
	f := &fetch{done: make(chan struct{})}
	c.inflight = f
	go c.retrieve(context.WithoutCancel(ctx), f)
	return f
}

func (c *Cache) retrieve(ctx context.Context, f *fetch) {
	value, err := c.source.Retrieve(ctx)
	c.mu.Lock()
	if err == nil {
		c.current, c.obtained, c.stale, c.warned = value, c.now(), false, false
	} else {
		c.retryAfter = c.now().Add(refreshRetryInterval)
	}
	warn := err != nil && c.usable() && !c.warned && c.OnRefreshFailure != nil
	c.warned = c.warned || warn
	expires := c.current.Expires
	f.err = err
	c.mu.Unlock()

	if warn {
		c.OnRefreshFailure(ctx, err, expires)
	}
	// The fetch ends only after its warning, so that whoever waits for it
	// sees everything it did.
	c.mu.Lock()
	c.inflight = nil
	c.mu.Unlock()
	close(f.done)
}

// Invalidate makes the next Refresh fetch anew, for when the API rejected
// the current token although the local clock thought it valid. It reports
// false, and does nothing, for a credential that does not expire: fetching
// it again would give the same one.
func (c *Cache) Invalidate() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.current.Expires.IsZero() {
		return false
	}
	c.stale = true
	return true
}

// fresh reports whether the current credential needs no refresh yet.
func (c *Cache) fresh() bool {
	if c.current.SecretID == "" || c.stale {
		return false
	}
	if c.current.Expires.IsZero() {
		return true
	}
	margin := max(0, min(maxRefreshMargin, c.current.Expires.Sub(c.obtained)/4))
	return c.now().Before(c.current.Expires.Add(-margin))
}

// usable reports whether the current credential can still sign, though due for refresh.
func (c *Cache) usable() bool {
	if c.current.SecretID == "" || c.stale {
		return false
	}
	return c.current.Expires.IsZero() || c.now().Before(c.current.Expires)
}

// GetCredential returns the current credential as one consistent triple.
func (c *Cache) GetCredential() (secretID, secretKey, token string) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.current.SecretID, c.current.SecretKey, c.current.Token
}

func (c *Cache) GetSecretId() string {
	id, _, _ := c.GetCredential()
	return id
}

func (c *Cache) GetSecretKey() string {
	_, key, _ := c.GetCredential()
	return key
}

func (c *Cache) GetToken() string {
	_, _, token := c.GetCredential()
	return token
}
