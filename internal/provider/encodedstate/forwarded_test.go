// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package encodedstate_test

import (
	"testing"

	fwprovider "github.com/hashicorp/terraform-plugin-framework/provider"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider"
)

// Wrap forwards only tfprotov6.ProviderServer's methods; Terraform reaches
// list resources, actions and state stores through optional interfaces of
// the server, which Wrap hides. The day the provider declares one of them,
// this fails, and Wrap must forward it.
func TestTheProviderDeclaresNothingThatWrapDoesNotForward(t *testing.T) {
	p := provider.New("test")()
	if _, ok := p.(fwprovider.ProviderWithListResources); ok {
		t.Error("the provider declares list resources, which Wrap does not forward")
	}
	if _, ok := p.(fwprovider.ProviderWithActions); ok {
		t.Error("the provider declares actions, which Wrap does not forward")
	}
	if _, ok := p.(fwprovider.ProviderWithStateStores); ok {
		t.Error("the provider declares state stores, which Wrap does not forward")
	}
}
