// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"net/http"
	"net/url"
)

// DefaultTransportVia is DefaultTransport with proxy in place of the proxy
// variables, which Go reads once per process, so tests cannot set them.
func DefaultTransportVia(proxy *url.URL) http.RoundTripper {
	transport := DefaultTransport().(*http.Transport)
	transport.Proxy = http.ProxyURL(proxy)
	return transport
}
