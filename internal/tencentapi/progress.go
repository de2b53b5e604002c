// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

// How far a failed request got, and what its transport error may say.

import (
	"context"
	"errors"
	"net"
	"net/http/httptrace"
	"net/textproto"
	"net/url"
	"strings"
	"sync/atomic"
)

// Progress is how far one request got, as Go's HTTP transport reports it
// through net/http/httptrace: whether a connection was made, after which the
// request may have reached the server, and whether an answer began to arrive.
// Hooks may run on the transport's goroutines, hence the atomics.
type Progress struct {
	traced    atomic.Bool
	connected atomic.Bool
	answered  atomic.Bool
}

// TraceProgress returns ctx with hooks that record a request's progress.
func TraceProgress(ctx context.Context) (context.Context, *Progress) {
	p := &Progress{}
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GetConn:              func(string) { p.traced.Store(true) },
		GotConn:              func(httptrace.GotConnInfo) { p.connected.Store(true) },
		GotFirstResponseByte: func() { p.answered.Store(true) },
	}), p
}

// Answered reports whether any of an answer arrived, even one that was not
// HTTP at all.
func (p *Progress) Answered() bool { return p.answered.Load() }

// NothingSent reports whether a request that failed with err cannot have
// reached the server: it failed while connecting (name lookup, TCP or proxy
// connection, TLS handshake), before a byte of it was written. A transport
// that reports no progress is judged by the kind of err alone, trusting only
// a failed name lookup or dial (a TLS error can come after the request was
// written), and anything
// after a connection counts as possibly sent, since a server may act on a
// request whose answer never arrives.
func (p *Progress) NothingSent(err error) bool {
	if p.connected.Load() {
		return false
	}
	return p.traced.Load() || dialFailed(err)
}

// dialFailed recognises a network failure before any byte of the request
// was sent: the host was not found or the connection was not made.
func dialFailed(err error) bool {
	var dnsErr *net.DNSError
	var opErr *net.OpError
	return errors.As(err, &dnsErr) || (errors.As(err, &opErr) && (opErr.Op == "dial" || opErr.Op == "proxyconnect"))
}

// WithheldReason is a transport error's text for a request whose answer
// carries secrets. Go's HTTP client quotes what it could not parse, such as
// a reply that is not HTTP, and that reply may be the answer with its keys:
// so every quoted part is cut, and a net/textproto ProtocolError, which Go
// before 1.21 did not quote, is named by its kind alone. The URL that
// url.Error adds is left out too; messages name the endpoint already.
func WithheldReason(err error) string {
	var protocolErr textproto.ProtocolError
	if errors.As(err, &protocolErr) {
		return "a malformed header (its text is withheld: it may quote the answer)"
	}
	return withoutQuotes(transportReason(err))
}

// transportReason is err's text without url.Error's method and URL.
func transportReason(err error) string {
	var urlErr *url.Error
	if errors.As(err, &urlErr) {
		err = urlErr.Err
	}
	return err.Error()
}

// withoutQuotes replaces the content of every double-quoted part of s, as
// Go's %q writes it, with an ellipsis; an unclosed quote runs to the end.
func withoutQuotes(s string) string {
	var b strings.Builder
	for {
		open := strings.IndexByte(s, '"')
		if open < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:open])
		b.WriteString(`"…"`)
		length := quotedLength(s[open+1:])
		if length < 0 {
			return b.String()
		}
		s = s[open+1+length+1:]
	}
}

// quotedLength is the length of a quoted string's content up to its
// closing quote, skipping escaped characters; -1 when it is not closed.
func quotedLength(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return -1
}
