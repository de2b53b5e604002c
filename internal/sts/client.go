// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package sts calls the Tencent Cloud STS API (version 2018-08-13) through
// tencentapi, which paces, retries and times out every call and keeps the
// temporary keys in its answers out of errors and logs. AssumeRole,
// GetSessionToken and GetCallerIdentity are signed with the client's
// credential; AssumeRoleWithWebIdentity and AssumeRoleWithSAML are sent
// unsigned, their token or assertion being the caller's proof of identity.
package sts

import (
	"context"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// The API's identity, as the SDK's generated packages name it.
const (
	Service                         = "sts"
	APIVersion                      = "2018-08-13"
	ActionAssumeRole                = "AssumeRole"
	ActionAssumeRoleWithWebIdentity = "AssumeRoleWithWebIdentity"
	ActionAssumeRoleWithSAML        = "AssumeRoleWithSAML"
	ActionGetSessionToken           = "GetSessionToken"
	ActionGetCallerIdentity         = "GetCallerIdentity"

	defaultRegion = "ap-guangzhou"
)

// Client calls STS. It is safe for concurrent use.
type Client struct {
	// signed sends with the configured credential. unsigned has none, so
	// that an unsigned action never carries the credential's token, which
	// the SDK would otherwise add. Each paces itself; a credential source
	// uses one of them.
	signed   *tencentapi.Client
	unsigned *tencentapi.Client
}

// NewClient returns a client for cfg. A nil cfg.Credential makes a client
// for the unsigned actions only; the signed ones then fail as
// tencentapi.CodeCredentialError. STS wants a region, which the unsigned
// actions send as their only routing hint: without one the client sends
// the one the SDK's own role provider sends.
func NewClient(cfg tencentapi.Config) *Client {
	if cfg.Region == "" {
		cfg.Region = defaultRegion
	}
	unsigned := cfg
	unsigned.Credential = nil
	return &Client{
		signed:   tencentapi.NewClient(Service, cfg, tencentapi.SensitiveResponses()),
		unsigned: tencentapi.NewClient(Service, unsigned, tencentapi.SensitiveResponses()),
	}
}

// Endpoint is the base URL requests go to, for messages.
func (c *Client) Endpoint() string { return c.signed.Endpoint() }

// Each action returns its failures as *tencentapi.Error.

// AssumeRole exchanges the client's credential for a role's temporary one.
func (c *Client) AssumeRole(ctx context.Context, request *AssumeRoleRequest) (*AssumeRoleResponseParams, error) {
	response := NewAssumeRoleResponse()
	if err := c.signed.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}

// AssumeRoleWithWebIdentity exchanges an OIDC token for a role's temporary credential.
func (c *Client) AssumeRoleWithWebIdentity(ctx context.Context, request *AssumeRoleWithWebIdentityRequest) (*AssumeRoleWithWebIdentityResponseParams, error) {
	response := NewAssumeRoleWithWebIdentityResponse()
	if err := c.unsigned.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}

// AssumeRoleWithSAML exchanges a SAML assertion for a role's temporary credential.
func (c *Client) AssumeRoleWithSAML(ctx context.Context, request *AssumeRoleWithSAMLRequest) (*AssumeRoleWithSAMLResponseParams, error) {
	response := NewAssumeRoleWithSAMLResponse()
	if err := c.unsigned.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}

// GetSessionToken exchanges the client's credential and an MFA code for a
// temporary credential.
func (c *Client) GetSessionToken(ctx context.Context, request *GetSessionTokenRequest) (*GetSessionTokenResponseParams, error) {
	response := NewGetSessionTokenResponse()
	if err := c.signed.Call(ctx, request, response); err != nil {
		return nil, err
	}
	return response.Response, nil
}

// GetCallerIdentity says whose the client's credential is.
func (c *Client) GetCallerIdentity(ctx context.Context) (*GetCallerIdentityResponseParams, error) {
	response := NewGetCallerIdentityResponse()
	if err := c.signed.Call(ctx, NewGetCallerIdentityRequest(), response); err != nil {
		return nil, err
	}
	return response.Response, nil
}
