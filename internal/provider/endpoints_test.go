// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// TestAccSwappedEndpointsFailNamingTheActionAndEndpoint points each service
// at another one's endpoint. Each real host serves only its own service, and
// so does each emulator endpoint: a configuration that only worked because
// one emulator URL answered everything would fail against Tencent Cloud.
func TestAccSwappedEndpointsFailNamingTheActionAndEndpoint(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	assumeRole := `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  assume_role {
    role_arn = "` + auditorRole + `"
  }`
	tests := []struct {
		name     string
		config   string
		metadata string
		want     string
	}{
		{
			name:   "STS at the Organization endpoint",
			config: providerWithSTS(acctest.Endpoints{Organization: endpoints.Organization, STS: endpoints.Organization}, assumeRole),
			want: `Cannot Obtain Tencent Cloud Credentials.*role ` + regexp.QuoteMeta(auditorRole) + `.*` +
				`STS at ` + regexp.QuoteMeta(endpoints.Organization) + ` refused: The action .AssumeRole. does not exist at this endpoint.*` +
				`error code InvalidAction`,
		},
		{
			name:   "the Organization API at the STS endpoint",
			config: acctest.ProviderBlock(endpoints.STS),
			want:   `API Not Available at Endpoint.*endpoints.organization.*InvalidAction`,
		},
		{
			name:     "the metadata service at the Organization endpoint",
			config:   acctest.ProviderBlockWith(endpoints.Organization, `cam_role_name = "terraform-runner"`),
			metadata: endpoints.Organization,
			want:     `Cannot Obtain Tencent Cloud Credentials.*CVM instance role "terraform-runner".*` + regexp.QuoteMeta(endpoints.Organization),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(envvar.MetadataEndpoint, tt.metadata)
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      tt.config + acctest.DataSourceBlock("100033118139"),
					ExpectError: acctest.WrappedPattern(tt.want),
				}},
			})
		})
	}
	if calls := srv.AssumeRoleCalls(); len(calls) != 0 {
		t.Errorf("AssumeRole reached the action through the wrong endpoint: %+v", calls)
	}
	for _, r := range srv.Requests() {
		if r.ErrorCode == "" {
			t.Errorf("a request succeeded at the wrong endpoint: %+v", r)
		}
	}
}
