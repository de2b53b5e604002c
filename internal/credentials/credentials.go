// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package credentials finds and refreshes Tencent Cloud credentials: static
// keys, tccli profiles, CVM instance roles and STS assumed roles. Nothing is
// cached process-wide, so every provider configuration has its own.
package credentials

import (
	"context"
	"errors"
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
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%s: %s", e.Source, e.Reason)
	if e.Code != "" {
		msg += fmt.Sprintf(" (error code %s, RequestId %s)", e.Code, e.RequestID)
	}
	return msg
}

// maxRefreshMargin is how long before expiry a temporary credential is
// replaced; shorter-lived credentials are replaced when a quarter of their
// life is left.
const maxRefreshMargin = 5 * time.Minute

// Cache holds a source's current credential and replaces it before it
// expires. It implements the SDK's CredentialIface, so a client signs with
// whatever is current; Refresh must be called before each request so that
// fetching can honour the request's context and report its error.
type Cache struct {
	source Source
	now    func() time.Time

	mu       sync.RWMutex
	current  Value
	obtained time.Time
	stale    bool
	inflight *fetch
}

// fetch is one Retrieve that every concurrent Refresh waits for.
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

// Refresh fetches a credential when there is none or the current one is
// about to expire. Concurrent callers share one fetch and its outcome, and
// each stops waiting when its own context ends. When a refresh fails while
// the current credential is still valid, that credential is kept: a passing
// STS or metadata failure must not fail reads that can still be signed.
func (c *Cache) Refresh(ctx context.Context) error {
	for {
		c.mu.Lock()
		if c.fresh() {
			c.mu.Unlock()
			return nil
		}
		f := c.inflight
		leader := f == nil
		if leader {
			f = &fetch{done: make(chan struct{})}
			c.inflight = f
		}
		c.mu.Unlock()

		if leader {
			c.retrieve(ctx, f)
		}
		select {
		case <-f.done:
		case <-ctx.Done():
			return ctx.Err()
		}
		if f.err == nil {
			return nil
		}
		// The leader's own cancellation is not a verdict on the source.
		if ctx.Err() == nil && errors.Is(f.err, context.Canceled) {
			continue
		}
		c.mu.RLock()
		usable := c.usable()
		c.mu.RUnlock()
		if usable {
			return nil
		}
		return f.err
	}
}

func (c *Cache) retrieve(ctx context.Context, f *fetch) {
	value, err := c.source.Retrieve(ctx)
	c.mu.Lock()
	if err == nil {
		c.current, c.obtained, c.stale = value, c.now(), false
	}
	f.err = err
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
