// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

var testAccProtoV6ProviderFactories = acctest.ProviderFactories(New("test")())

func TestMain(m *testing.M) {
	acctest.Main(m)
}

func TestAccProviderConfigurationErrors(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	tests := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{
			name:   "no credentials",
			config: acctest.ProviderBlockWith(endpoints.Organization, ""),
			want:   acctest.ErrorMatching("No Tencent Cloud Credentials", "secret_id and secret_key", "TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY"),
		},
		{
			name:   "secret id without key",
			config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"`),
			want:   acctest.ErrorMatching("Incomplete Tencent Cloud Credential", "provider argument secret_id is set", "provider argument secret_key is not"),
		},
		{
			name:   "secret key without id",
			config: acctest.ProviderBlockWith(endpoints.Organization, `secret_key = "admin-key"`),
			want:   acctest.ErrorMatching("Incomplete Tencent Cloud Credential", "secret_key is set"),
		},
		{
			name:   "endpoint without scheme",
			config: acctest.ProviderBlockWith("127.0.0.1:8080", `secret_id = "a"`+"\n"+`secret_key = "b"`),
			want:   acctest.ErrorMatching("Invalid Endpoint URL", "endpoints.organization", "must be a full URL"),
		},
		{
			name:   "endpoint with query",
			config: acctest.ProviderBlockWith(endpoints.Organization+"/?x=1", `secret_id = "a"`+"\n"+`secret_key = "b"`),
			want:   acctest.ErrorMatching("Invalid Endpoint URL", "must not contain"),
		},
		{
			name:   "protocol",
			config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "a"`+"\n"+`secret_key = "b"`+"\n"+`protocol = "FTP"`),
			want:   acctest.ErrorMatching("Invalid Protocol", `"FTP"`, "provider argument protocol", "must be HTTPS or HTTP"),
		},
		{
			name:   "domain with scheme",
			config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "a"`+"\n"+`secret_key = "b"`+"\n"+`domain = "https://tencentcloudapi.com"`),
			want:   acctest.ErrorMatching("Invalid Domain", "root domain"),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      tt.config + acctest.DataSourceBlock("100033118139"),
					ExpectError: tt.want,
				}},
			})
		})
	}
}

func TestAccProviderSettingsFromEnvironment(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.Region, "ap-singapore")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderFromEnvironment + acctest.DataSourceBlock("100033118139"),
			Check:  expectCallers(srv, "AKIDenv", "ap-singapore"),
		}},
	})
}

func TestAccProviderArgumentsWinOverEnvironment(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, "http://127.0.0.1:1")
	t.Setenv(envvar.Region, "ap-singapore")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  region = "ap-guangzhou"`) + acctest.DataSourceBlock("100033118139"),
			Check: expectCallers(srv, "AKIDadmin", "ap-guangzhou"),
		}},
	})
}

func TestAccARegionTencentCloudDoesNotHaveIsUnsupported(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  region = "ap-atlantis"`) + acctest.DataSourceBlock("100033118139"),
			ExpectError: acctest.ErrorMatching("Unsupported Region", "unset the region argument and "+envvar.Region, "UnsupportedRegion", "ap-atlantis"),
		}},
	})
}

func TestAccTemporaryCredentialFromEnvironment(t *testing.T) {
	srv, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.SecretID, "AKIDtemp")
	t.Setenv(envvar.SecretKey, "temp-key")
	t.Setenv(envvar.SecurityToken, "temp-token")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderFromEnvironment + acctest.DataSourceBlock("100033118139"),
			Check:  expectCallers(srv, "AKIDtemp", ""),
		}},
	})
}

func TestAccInvalidSettingsFromEnvironmentNameTheVariable(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	t.Setenv(envvar.SecretID, "AKIDenv")
	t.Setenv(envvar.SecretKey, "env-key")
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.Protocol, "ftp")
	t.Setenv(envvar.Domain, "example.com/api")

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acctest.ProviderFromEnvironment + acctest.DataSourceBlock("100033118139"),
			ExpectError: acctest.WrappedPattern(`(?:Invalid Protocol.*"ftp" from the environment variable TENCENTCLOUD_PROTOCOL.*Invalid Domain.*"example.com/api" from the environment variable TENCENTCLOUD_DOMAIN)` +
				`|(?:Invalid Domain.*TENCENTCLOUD_DOMAIN.*Invalid Protocol.*TENCENTCLOUD_PROTOCOL)`),
		}},
	})
}

// expectCallers checks that every request the emulator saw was signed with
// secretID and carried region (none when region is empty).
func expectCallers(srv *emulator.Server, secretID, region string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		reqs := srv.Requests()
		if len(reqs) == 0 {
			return fmt.Errorf("the emulator received no request")
		}
		for _, r := range reqs {
			if r.SecretID != secretID || r.Region != region || r.ErrorCode != "" {
				return fmt.Errorf("request signed by %q with region %q (error %q), want %q and %q", r.SecretID, r.Region, r.ErrorCode, secretID, region)
			}
			if !strings.HasPrefix(r.RequestClient, "terraform-provider-tencentcloud/test terraform/") {
				return fmt.Errorf("X-TC-RequestClient = %q", r.RequestClient)
			}
		}
		return nil
	}
}
