// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// A rate_limit above the API's is throttled by Tencent Cloud and gains
// nothing, so the plan says so where a user looks: in a warning on the
// attribute, while the read itself goes ahead.
func TestAccARateLimitAboveTheAPIsWarnsAndNamesTheLimit(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	for rateLimit, warns := range map[string]bool{"40": true, "1000": true, "20": false, "0.5": false} {
		t.Run(rateLimit, func(t *testing.T) {
			t.Parallel()
			w := acctest.NewCLIWorkspace(t, acctest.ProviderBlockWith(endpoints.Organization, `secret_id = "AKIDadmin"
  secret_key = "admin-key"
  rate_limit = `+rateLimit)+acctest.DataSourceBlock("100033118139"))
			out, err := w.Run(t, "plan", "-input=false")
			if err != nil {
				t.Fatalf("plan: %v\n%s", err, out)
			}
			warned := acctest.WrappedPattern(`Warning: Rate Limit Above the API's Limit.*rate_limit = ` + rateLimit +
				` is above 20 requests per second.*Set rate_limit to 20 or less`).MatchString(out)
			if warned != warns {
				t.Errorf("rate_limit = %s warned: %v, want %v:\n%s", rateLimit, warned, warns, out)
			}
		})
	}
}

func TestAPacingSettingNotYetKnownIsNotSentToAnEnvironmentVariableItDoesNotHave(t *testing.T) {
	for attribute, m := range map[string]providerModel{
		"rate_limit":      {RateLimit: types.Float64Unknown()},
		"max_retries":     {MaxRetries: types.Int64Unknown()},
		"request_timeout": {RequestTimeout: types.StringUnknown()},
	} {
		got := details(rejectUnknown(m))
		if !strings.Contains(got, attribute) || strings.Contains(got, "use its environment variable") ||
			!strings.Contains(got, "leave it unset for its default") {
			t.Errorf("%s: %q, want the default offered instead of an environment variable", attribute, got)
		}
	}
}
