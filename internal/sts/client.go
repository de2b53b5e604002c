// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package sts calls the Tencent Cloud STS API (version 2018-08-13) action
// AssumeRole through the SDK's common module, which signs and decodes.
package sts

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

// The API's identity, as the SDK's generated packages name it.
const (
	Service          = "sts"
	APIVersion       = "2018-08-13"
	ActionAssumeRole = "AssumeRole"

	// defaultRegion is what the SDK's own role provider sends; STS wants one.
	defaultRegion  = "ap-guangzhou"
	defaultTimeout = 30 * time.Second
)

// Config says where to reach STS and with which credential.
type Config struct {
	Credential common.CredentialIface
	Region     string
	// Scheme ("HTTPS" or "HTTP") and RootDomain build sts.<RootDomain> when Endpoint is nil.
	Scheme     string
	RootDomain string
	Endpoint   *url.URL
	UserAgent  string
	Transport  http.RoundTripper
	// Timeout bounds one call; zero means 30 seconds.
	Timeout time.Duration
}

// Client calls STS. It is safe for concurrent use.
type Client struct {
	sdk       *common.Client
	endpoint  string
	userAgent string
}

// NewClient returns a client for cfg.
func NewClient(cfg Config) *Client {
	httpProfile := profile.NewHttpProfile()
	httpProfile.Scheme = strings.ToUpper(cfg.Scheme)
	httpProfile.RootDomain = cfg.RootDomain
	callTimeout := cfg.Timeout
	if callTimeout <= 0 {
		callTimeout = defaultTimeout
	}
	httpProfile.ReqTimeout = int(math.Ceil(callTimeout.Seconds()))
	endpoint := strings.ToLower(cfg.Scheme) + "://" + Service + "." + cfg.RootDomain
	if cfg.Endpoint != nil {
		httpProfile.Scheme = strings.ToUpper(cfg.Endpoint.Scheme)
		httpProfile.Endpoint = cfg.Endpoint.Host + strings.TrimSuffix(cfg.Endpoint.Path, "/")
		endpoint = cfg.Endpoint.Scheme + "://" + httpProfile.Endpoint
	}
	clientProfile := profile.NewClientProfile()
	clientProfile.HttpProfile = httpProfile
	clientProfile.Language = "en-US"
	clientProfile.DisableRegionBreaker = true

	region := cfg.Region
	if region == "" {
		region = defaultRegion
	}
	sdk := &common.Client{}
	sdk.Init(region).WithCredential(cfg.Credential).WithProfile(clientProfile)
	if cfg.Transport != nil {
		sdk.WithHttpTransport(cfg.Transport)
	}
	return &Client{sdk: sdk, endpoint: endpoint, userAgent: cfg.UserAgent}
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string { return c.endpoint }

// AssumeRole exchanges the client's credential for a temporary one. API
// errors are returned as *errors.TencentCloudSDKError.
func (c *Client) AssumeRole(ctx context.Context, request *AssumeRoleRequest) (out *AssumeRoleResponseParams, err error) {
	// The SDK's decoder panics on some bodies (a bare JSON null, in v1.3.211).
	defer func() {
		if recovered := recover(); recovered != nil {
			out, err = nil, fmt.Errorf("the STS response could not be decoded (%v)", recovered)
		}
	}()
	request.SetContext(ctx)
	if c.userAgent != "" {
		request.SetHeader(map[string]string{"X-TC-RequestClient": c.userAgent})
	}
	response := NewAssumeRoleResponse()
	if err := c.sdk.Send(request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}
