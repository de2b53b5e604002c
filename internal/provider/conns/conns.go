// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package conns is what the provider's Configure hands every data source:
// the Organization client, and where its credential and endpoints came
// from, which messages name. It is the one type the provider and the data
// sources share, so that neither imports the other.
package conns

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/explain"
)

// The data sources' messages about the hand-over itself, which only a bug
// in the provider can produce.
const (
	SummaryUnexpectedData = "Unexpected Provider Data"
	summaryNotConfigured  = "Provider Not Configured"
	notConfiguredDetail   = "The data source was read before the provider was configured. This is a bug in the provider; please report it."
)

// Client is what data sources receive from Configure.
type Client struct {
	Organization *organization.Client
	// Sources say where each part of the credential came from.
	Sources explain.CredentialSources
	// Endpoints say where the Organization and STS endpoints came from.
	Endpoints explain.EndpointSources
}

// FromConfigure is what Configure handed the data sources; nil before the
// provider is configured, as during validation.
func FromConfigure(req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) *Client {
	if req.ProviderData == nil {
		return nil
	}
	client, ok := req.ProviderData.(*Client)
	if !ok {
		resp.Diagnostics.AddError(SummaryUnexpectedData, unexpectedProviderDataDetail(req.ProviderData))
	}
	return client
}

// Configured says whether c is a client Configure handed over, and reports
// on diags a data source read without one, which only a bug can cause.
func Configured(c *Client, diags *diag.Diagnostics) bool {
	if c == nil {
		diags.AddError(summaryNotConfigured, notConfiguredDetail)
	}
	return c != nil
}

func unexpectedProviderDataDetail(data any) string {
	return fmt.Sprintf("Expected *conns.Client, got %T. This is a bug in the provider; please report it.", data)
}
