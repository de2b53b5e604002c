// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package sts calls the Tencent Cloud STS API (version 2018-08-13) action
// AssumeRole through the SDK's common module, which signs and decodes.
package sts

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
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
	// Scheme ("HTTPS" or "HTTP") and RootDomain build sts.<RootDomain> when
	// Endpoint is nil; empty means HTTPS and the international site.
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
	timeout := cfg.Timeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	region := cfg.Region
	if region == "" {
		region = defaultRegion
	}
	target := tencentapi.Target{Scheme: cfg.Scheme, RootDomain: cfg.RootDomain, Endpoint: cfg.Endpoint}
	sdk, endpoint := tencentapi.NewSDKClient(Service, target, region, cfg.Credential, timeout, cfg.Transport)
	return &Client{sdk: sdk, endpoint: endpoint, userAgent: cfg.UserAgent}
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string { return c.endpoint }

// AssumeRole exchanges the client's credential for a temporary one. API
// errors are returned as *errors.TencentCloudSDKError, and a response the
// SDK's decoder panicked on as *tencentapi.DecodePanic.
func (c *Client) AssumeRole(ctx context.Context, request *AssumeRoleRequest) (*AssumeRoleResponseParams, error) {
	response := NewAssumeRoleResponse()
	if err := tencentapi.Send(ctx, c.sdk, request, response, c.userAgent); err != nil {
		return nil, err
	}
	return response.Response, nil
}
