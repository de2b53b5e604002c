// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"net/http"
	"net/url"
)

// DefaultTransportVia is DefaultTransport with proxy in place of the proxy
// variables, which Go reads once per process, so tests cannot set them.
func DefaultTransportVia(proxy *url.URL) *http.Transport {
	transport, ok := DefaultTransport().(*http.Transport)
	if !ok {
		panic("http.DefaultTransport was replaced")
	}
	transport.Proxy = http.ProxyURL(proxy)
	return transport
}

// MaxLanes is the most lanes a pacer has, for the external tests.
const MaxLanes = maxLanes

// LaneCount is how many lanes c's pacer of action has, for the external tests.
func LaneCount(c *Client, action string) int { return c.pacers.of(action).laneCount() }
