// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package sts calls the Tencent Cloud STS API (version 2018-08-13) action
// AssumeRole through a tencentapi.Client, which paces, retries and times
// out every call, and keeps the temporary keys in its answers out of errors
// and logs.
package sts

import (
	"context"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The API's identity, as the SDK's generated packages name it.
const (
	Service          = "sts"
	APIVersion       = "2018-08-13"
	ActionAssumeRole = "AssumeRole"

	defaultRegion = "ap-guangzhou"
)

// Client calls STS. It is safe for concurrent use.
type Client struct {
	api *tencentapi.Client
}

// NewClient returns a client for cfg. STS wants a region: without one it
// sends the one the SDK's own role provider sends.
func NewClient(cfg tencentapi.Config) *Client {
	if cfg.Region == "" {
		cfg.Region = defaultRegion
	}
	return &Client{api: tencentapi.NewClient(Service, cfg, tencentapi.SensitiveResponses())}
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string { return c.api.Endpoint() }

// AssumeRole exchanges the client's credential for a temporary one. Every
// failure is returned as *tencentapi.Error.
func (c *Client) AssumeRole(ctx context.Context, request *AssumeRoleRequest) (*AssumeRoleResponseParams, error) {
	response := NewAssumeRoleResponse()
	if err := c.api.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}
