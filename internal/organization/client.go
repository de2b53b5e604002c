// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package organization is a client for the Tencent Cloud Organization API
// (version 2021-03-31). It types the actions the provider uses and sends them
// with the SDK's common module, which signs and decodes.
package organization

import (
	"context"
	"math"
	"net/url"
	"strings"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

const (
	Service    = "organization"
	APIVersion = "2021-03-31"

	ActionDescribeOrganizationMemberEmailBind = "DescribeOrganizationMemberEmailBind"

	// DefaultRootDomain is the international site, the one the API page documents.
	DefaultRootDomain = "intl.tencentcloudapi.com"

	defaultTimeout = 30 * time.Second
)

// Config says where and how to reach the API. The zero value of every field
// but Credential has a usable default.
type Config struct {
	Credential common.CredentialIface

	// Region is sent as X-TC-Region only when set; this API needs none.
	Region string

	// Scheme ("HTTPS" or "HTTP") and RootDomain build the host
	// organization.<RootDomain> when Endpoint is nil.
	Scheme     string
	RootDomain string

	// Endpoint replaces scheme and host entirely, for emulators and private endpoints.
	Endpoint *url.URL

	// UserAgent identifies the caller in X-TC-RequestClient.
	UserAgent string

	// Timeout bounds one HTTP exchange.
	Timeout time.Duration
}

// Client calls the Organization API. It is safe for concurrent use.
type Client struct {
	common.Client
	endpoint  string
	userAgent string
}

// NewClient returns a client for cfg. The HTTP transport is a clone of Go's
// default one, so HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured.
func NewClient(cfg Config) *Client {
	scheme := strings.ToUpper(cfg.Scheme)
	if scheme == "" {
		scheme = "HTTPS"
	}
	rootDomain := cfg.RootDomain
	if rootDomain == "" {
		rootDomain = DefaultRootDomain
	}
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}

	httpProfile := profile.NewHttpProfile()
	httpProfile.Scheme = scheme
	httpProfile.RootDomain = rootDomain
	httpProfile.ReqTimeout = int(math.Ceil(timeout.Seconds()))
	endpoint := strings.ToLower(scheme) + "://" + Service + "." + rootDomain
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

	c := &Client{endpoint: endpoint, userAgent: cfg.UserAgent}
	c.Init(cfg.Region).WithCredential(cfg.Credential).WithProfile(clientProfile)
	return c
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string {
	return c.endpoint
}

// DescribeOrganizationMemberEmailBind reads a member's email binding record.
// API errors are returned as *errors.TencentCloudSDKError.
func (c *Client) DescribeOrganizationMemberEmailBind(ctx context.Context, memberUin int64) (*DescribeOrganizationMemberEmailBindResponseParams, error) {
	request := NewDescribeOrganizationMemberEmailBindRequest()
	request.MemberUin = &memberUin
	request.SetContext(ctx)
	if c.userAgent != "" {
		// Set as a header because the SDK's RequestClient rejects "/" and prefixes its own name.
		request.SetHeader(map[string]string{"X-TC-RequestClient": c.userAgent})
	}

	response := NewDescribeOrganizationMemberEmailBindResponse()
	if err := c.Send(request, response); err != nil {
		return nil, err
	}
	if response.Response == nil {
		return nil, tcerr.NewTencentCloudSDKError(ErrorCodeMalformedResponse,
			"the response has no \"Response\" object", "")
	}
	return response.Response, nil
}

// ErrorCodeMalformedResponse is the client-side code for a reply that is not
// the documented envelope, in the SDK's ClientError.* family.
const ErrorCodeMalformedResponse = "ClientError.MalformedResponse"
