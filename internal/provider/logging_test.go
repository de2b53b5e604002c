// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// TestAccTraceLogsHoldNoSecrets reads at TRACE with an assumed role, through
// a retry and a failure, and checks that the log has the attempts but none
// of the secret keys and tokens: the base credential's or the temporary
// ones the emulator issued. The credential comes from the environment
// because the test framework itself logs the configuration it runs.
func TestAccTraceLogsHoldNoSecrets(t *testing.T) {
	const secretKey, token = "log-secret-key-4f9a", "log-token-b7c2"
	srv, endpoints := acctest.StartEmulator(t, worldWithFaults(`[{"kind": "internal_error", "count": 1, "member_uin": 100033118139}]`))
	logPath := filepath.Join(t.TempDir(), "trace.log")
	t.Setenv("TF_LOG", "TRACE")
	t.Setenv("TF_ACC_LOG_PATH", logPath)
	t.Setenv(envvar.SecretID, "AKIDlogs")
	t.Setenv(envvar.SecretKey, secretKey)
	t.Setenv(envvar.SecurityToken, token)
	t.Setenv(envvar.OrganizationEndpoint, endpoints.Organization)
	t.Setenv(envvar.STSEndpoint, endpoints.STS)
	t.Setenv(envvar.AssumeRoleArn, auditorRole)

	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acctest.ProviderFromEnvironment + acctest.DataSourceBlock("100033118139"),
			},
			{
				Config:      acctest.ProviderFromEnvironment + acctest.DataSourceBlock("100000000404"),
				ExpectError: acctest.ErrorMatching("Organization Member Not Found"),
			},
		},
	})

	logs, err := os.ReadFile(logPath)
	if err != nil {
		t.Fatal(err)
	}
	text := string(logs)
	for _, want := range []string{"Tencent Cloud API attempt", "error_code=InternalError", "attempt=2", `response_body="{\"Response\"`} {
		if !strings.Contains(text, want) {
			t.Errorf("the trace log lacks %s; the test would not see a leak either", want)
		}
	}
	secrets := []string{secretKey, token}
	for _, issued := range srv.Issued() {
		secrets = append(secrets, issued.SecretKey, issued.Token)
	}
	if len(secrets) < 4 {
		t.Errorf("no temporary credential was issued; the assumed role was not used")
	}
	for _, secret := range secrets {
		if strings.Contains(text, secret) {
			t.Errorf("the trace log contains the secret %q", secret)
		}
	}
}

func TestAFailedRefreshOfAValidCredentialIsLoggedAsAWarning(t *testing.T) {
	m := emptyProviderModel()
	m.SecretID, m.SecretKey = types.StringValue("AKIDarg"), types.StringValue("arg-key")
	m.AssumeRole = &assumeRoleModel{
		RoleArn: types.StringValue(auditorRole), SessionName: types.StringNull(), SessionDuration: types.Int64Null(),
		Policy: types.StringNull(), ExternalID: types.StringNull(),
	}
	s, diags := resolveSettings(m, "test")
	if diags.HasError() || s.credential.OnRefreshFailure == nil {
		t.Fatalf("diagnostics %v; the credential must report failed refreshes", diags)
	}
	var out bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &out)
	s.credential.OnRefreshFailure(ctx, errors.New("STS answered HTTP 502"), time.Unix(1_700_000_000, 0))
	entries, err := tflogtest.MultilineJSONDecode(&out)
	if err != nil || len(entries) != 1 {
		t.Fatalf("%d entries (%v), want one", len(entries), err)
	}
	if e := entries[0]; e["@level"] != "warn" || e["error"] != "STS answered HTTP 502" || e["expires"] != "2023-11-14T22:13:20Z" {
		t.Errorf("entry %v, want a warning with the error and the expiry", e)
	}
}
