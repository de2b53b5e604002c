// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package organization is a client for the Tencent Cloud Organization API
// (version 2021-03-31): each action the provider uses is typed in the
// SDK's generated style in a file of its own, and sent through a
// tencentapi.Client, which paces, retries and times out every call.
package organization

import (
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The API's identity, as the SDK's generated packages name it.
const (
	Service    = "organization"
	APIVersion = "2021-03-31"
)

// Client calls the Organization API. It is safe for concurrent use; all
// calls of one action through one Client share its pace.
type Client struct {
	api *tencentapi.Client
	// pageSize and pageWorkers shape listings; tests make pages small to
	// page small organizations.
	pageSize, pageWorkers int
}

// NewClient returns a client for cfg.
func NewClient(cfg tencentapi.Config) *Client {
	return &Client{api: tencentapi.NewClient(Service, cfg), pageSize: MaxMembersPageSize, pageWorkers: defaultPageWorkers}
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string {
	return c.api.Endpoint()
}
