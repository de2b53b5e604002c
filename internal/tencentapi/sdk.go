// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi

import (
	"context"
	"fmt"
	"net/http"
	"strings"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

// DefaultRootDomain is the international site, the one the API page documents.
const DefaultRootDomain = "intl.tencentcloudapi.com"

// newSDKClient returns the SDK client a Client sends through, and the base
// URL it sends to, for messages. It sets no SDK timeout: attempts are
// bounded by their context instead, which allows sub-second timeouts and
// tells a timeout apart from a cancellation.
func newSDKClient(service string, cfg Config, transport http.RoundTripper) (*common.Client, string) {
	scheme := strings.ToUpper(cfg.Scheme)
	if scheme == "" {
		scheme = "HTTPS"
	}
	rootDomain := cfg.RootDomain
	if rootDomain == "" {
		rootDomain = DefaultRootDomain
	}

	httpProfile := profile.NewHttpProfile()
	httpProfile.Scheme = scheme
	httpProfile.RootDomain = rootDomain
	httpProfile.ReqTimeout = 0
	endpoint := strings.ToLower(scheme) + "://" + service + "." + rootDomain
	if cfg.Endpoint != nil {
		httpProfile.Scheme = strings.ToUpper(cfg.Endpoint.Scheme)
		httpProfile.Endpoint = cfg.Endpoint.Host + strings.TrimSuffix(cfg.Endpoint.Path, "/")
		endpoint = cfg.Endpoint.Scheme + "://" + httpProfile.Endpoint
	}

	clientProfile := profile.NewClientProfile()
	clientProfile.HttpProfile = httpProfile
	clientProfile.Language = "en-US"
	// An open region breaker would redirect to a backup host and bypass a configured endpoint.
	clientProfile.DisableRegionBreaker = true

	sdk := &common.Client{}
	sdk.Init(cfg.Region).WithCredential(cfg.Credential).WithProfile(clientProfile)
	sdk.WithHttpTransport(transport)
	return sdk, endpoint
}

// DefaultTransport is Go's default transport, which honours HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY, keeping more idle connections per host because
// Terraform reads many members at once, and telling a proxy's refusal to
// connect to the endpoint from an answer.
func DefaultTransport() http.RoundTripper {
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		// Another package replaced the default; use it as it is.
		return http.DefaultTransport
	}
	transport := base.Clone()
	transport.MaxIdleConnsPerHost = 64
	// A proxy that cannot reach the endpoint answers CONNECT with 502 or
	// the like: the endpoint was never connected to (see refuseProxyConnect).
	transport.OnProxyConnectResponse = refuseProxyConnect
	return transport
}

// decodePanic is returned by sendOnce when the SDK's decoder panicked on a
// response, as v1.3.211 does on a bare JSON null: a reply from the network
// must not crash Terraform.
type decodePanic struct {
	Value any
}

func (e *decodePanic) Error() string {
	return fmt.Sprintf("the response could not be decoded (%v)", e.Value)
}

// sendOnce makes one exchange through sdk under ctx. userAgent, when
// set, goes in X-TC-RequestClient as a header, because the SDK's own
// RequestClient rejects "/" and prefixes its own name.
func sendOnce(ctx context.Context, sdk *common.Client, request tchttp.Request, response tchttp.Response, userAgent string) (err error) {
	request.SetContext(ctx)
	if userAgent != "" {
		request.SetHeader(map[string]string{"X-TC-RequestClient": userAgent})
	}
	defer func() {
		if recovered := recover(); recovered != nil {
			err = &decodePanic{Value: recovered}
		}
	}()
	return sdk.Send(request, response)
}
