// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package tencentapi is what every API client of the provider shares when
// calling Tencent Cloud through the SDK's common module: building the SDK
// client for a service and endpoint, sending with the provider's identity,
// and deciding which failures are worth another attempt.
package tencentapi

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

// DefaultRootDomain is the international site, the one the API page documents.
const DefaultRootDomain = "intl.tencentcloudapi.com"

// Target says where a service's requests go.
type Target struct {
	// Scheme ("HTTPS" or "HTTP") and RootDomain build <service>.<RootDomain>
	// when Endpoint is nil; empty means HTTPS and DefaultRootDomain.
	Scheme     string
	RootDomain string
	// Endpoint replaces scheme and host entirely, for emulators and private endpoints.
	Endpoint *url.URL
}

// NewSDKClient returns the SDK client that a product client sends through,
// and the base URL it sends to, for messages. A zero timeout leaves each
// call to be bounded by its context; a nil transport means DefaultTransport.
func NewSDKClient(service string, target Target, region string, credential common.CredentialIface, timeout time.Duration, transport http.RoundTripper) (*common.Client, string) {
	scheme := strings.ToUpper(target.Scheme)
	if scheme == "" {
		scheme = "HTTPS"
	}
	rootDomain := target.RootDomain
	if rootDomain == "" {
		rootDomain = DefaultRootDomain
	}

	httpProfile := profile.NewHttpProfile()
	httpProfile.Scheme = scheme
	httpProfile.RootDomain = rootDomain
	httpProfile.ReqTimeout = int(math.Ceil(timeout.Seconds()))
	endpoint := strings.ToLower(scheme) + "://" + service + "." + rootDomain
	if target.Endpoint != nil {
		httpProfile.Scheme = strings.ToUpper(target.Endpoint.Scheme)
		httpProfile.Endpoint = target.Endpoint.Host + strings.TrimSuffix(target.Endpoint.Path, "/")
		endpoint = target.Endpoint.Scheme + "://" + httpProfile.Endpoint
	}

	clientProfile := profile.NewClientProfile()
	clientProfile.HttpProfile = httpProfile
	clientProfile.Language = "en-US"
	// An open region breaker would redirect to a backup host and bypass a configured endpoint.
	clientProfile.DisableRegionBreaker = true

	if transport == nil {
		transport = DefaultTransport()
	}
	sdk := &common.Client{}
	sdk.Init(region).WithCredential(credential).WithProfile(clientProfile)
	sdk.WithHttpTransport(transport)
	return sdk, endpoint
}

// DefaultTransport is Go's default transport, which honours HTTPS_PROXY,
// HTTP_PROXY and NO_PROXY, keeping more idle connections per host because
// Terraform reads many members at once.
func DefaultTransport() http.RoundTripper {
	base, ok := http.DefaultTransport.(*http.Transport)
	if !ok {
		// Another package replaced the default; use it as it is.
		return http.DefaultTransport
	}
	transport := base.Clone()
	transport.MaxIdleConnsPerHost = 64
	return transport
}

// DecodePanic is returned by Send when the SDK's decoder panicked on a
// response, as v1.3.211 does on a bare JSON null: a reply from the network
// must not crash Terraform.
type DecodePanic struct {
	Value any
}

func (e *DecodePanic) Error() string {
	return fmt.Sprintf("the response could not be decoded (%v)", e.Value)
}

// Send makes one signed exchange through sdk under ctx. userAgent, when
// set, goes in X-TC-RequestClient as a header, because the SDK's own
// RequestClient rejects "/" and prefixes its own name.
func Send(ctx context.Context, sdk *common.Client, request tchttp.Request, response tchttp.Response, userAgent string) (err error) {
	request.SetContext(ctx)
	if userAgent != "" {
		request.SetHeader(map[string]string{"X-TC-RequestClient": userAgent})
	}
	defer func() {
		if recovered := recover(); recovered != nil {
			err = &DecodePanic{Value: recovered}
		}
	}()
	return sdk.Send(request, response)
}
