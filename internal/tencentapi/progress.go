// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

// How far a failed request got, and what its transport error may say.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
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
	// proxyRefused is set by DefaultTransport when the proxy answered the
	// CONNECT for the endpoint with anything but 2xx.
	proxyRefused atomic.Bool
	// onConnected, if set, is told of the request's first connection, and
	// whether it was a new one, unless the attempt was settled before.
	onConnected func(fresh bool)
	// reported is 0, then 1 once onConnected was told, 2 once settled.
	reported atomic.Int32
}

type progressKey struct{}

// TraceProgress returns ctx with hooks that record a request's progress.
func TraceProgress(ctx context.Context) (context.Context, *Progress) {
	return traceProgress(ctx, nil)
}

func traceProgress(ctx context.Context, onConnected func(fresh bool)) (context.Context, *Progress) {
	p := &Progress{onConnected: onConnected}
	ctx = context.WithValue(ctx, progressKey{}, p)
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GetConn: func(string) { p.traced.Store(true) },
		GotConn: func(info httptrace.GotConnInfo) {
			p.connected.Store(true)
			if p.onConnected != nil && p.reported.CompareAndSwap(0, 1) {
				p.onConnected(!info.Reused)
			}
		},
		GotFirstResponseByte: func() { p.answered.Store(true) },
	}), p
}

// settle marks the attempt over, and reports whether onConnected was told
// of it: a hook that fires later, from a transport that let it run on, is
// not passed on.
func (p *Progress) settle() bool { return p.reported.Swap(2) == 1 }

// ProxyRefused reports whether the proxy refused to connect to the endpoint.
func (p *Progress) ProxyRefused() bool { return p.proxyRefused.Load() }

// proxyRefusedError is a proxy's non-2xx answer to CONNECT: it could not,
// or would not, connect to the endpoint, so nothing reached the endpoint.
type proxyRefusedError struct {
	// Proxy is the proxy's host and port, never its userinfo.
	Proxy  string
	Status string
}

func (e *proxyRefusedError) Error() string {
	return fmt.Sprintf("the proxy %s (from HTTPS_PROXY or HTTP_PROXY) refused to connect to the endpoint: %s", e.Proxy, e.Status)
}

// refuseProxyConnect is DefaultTransport's OnProxyConnectResponse. Go
// fails a refused CONNECT with the bare status text ("Bad Gateway"), not a
// dial error, so without it the attempt reads as sent and not refused.
func refuseProxyConnect(ctx context.Context, proxy *url.URL, _ *http.Request, res *http.Response) error {
	if res.StatusCode >= 200 && res.StatusCode <= 299 {
		return nil
	}
	if p, ok := ctx.Value(progressKey{}).(*Progress); ok {
		p.proxyRefused.Store(true)
	}
	return &proxyRefusedError{Proxy: proxy.Host, Status: res.Status}
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
	return p.traced.Load() || p.proxyRefused.Load() || dialFailed(err)
}

// neverConnected reports whether a request that failed with err could not
// connect to the endpoint at all: the name did not resolve, the connection
// (to it or to the proxy) was not made, or the proxy refused to connect.
func (p *Progress) neverConnected(err error) bool {
	return !p.connected.Load() && (p.proxyRefused.Load() || dialFailed(err))
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
