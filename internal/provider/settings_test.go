// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

func TestRejectedEndpointIsNotEchoedWithItsPassword(t *testing.T) {
	t.Setenv(envvar.SecretID, "AKIDx")
	t.Setenv(envvar.SecretKey, "x")
	t.Setenv(envvar.OrganizationEndpoint, "https://admin:SuperSecret@organization.example.com/?debug=1")
	_, diags := resolveSettings(emptyProviderModel(), "test")
	if !diags.HasError() {
		t.Fatal("a URL with a query was accepted")
	}
	for _, d := range diags {
		if strings.Contains(d.Detail(), "SuperSecret") {
			t.Errorf("the diagnostic shows the password: %s", d.Detail())
		}
		if !strings.Contains(d.Detail(), "admin:xxxxx@organization.example.com") {
			t.Errorf("the diagnostic does not show the redacted URL: %s", d.Detail())
		}
	}
}

func TestEnvironmentTokenBesideAnArgumentPairIsReportedNotDropped(t *testing.T) {
	t.Setenv(envvar.SecurityToken, "env-token")
	m := emptyProviderModel()
	m.SecretID, m.SecretKey = types.StringValue("AKIDarg"), types.StringValue("arg-key")
	s, diags := resolveSettings(m, "test")
	if diags.HasError() || diags.WarningsCount() != 1 || diags.Warnings()[0].Summary() != summaryIgnoredToken {
		t.Fatalf("diagnostics %v, want one %q warning", diags, summaryIgnoredToken)
	}
	if err := s.credential.Refresh(context.Background()); err != nil {
		t.Fatal(err)
	}
	if s.credential.GetToken() != "" {
		t.Errorf("the environment token was used with the argument pair")
	}
	if strings.Contains(diagText(diags), "env-token") {
		t.Errorf("the warning shows the token")
	}
}

func emptyProviderModel() providerModel {
	return providerModel{
		SecretID: types.StringNull(), SecretKey: types.StringNull(), SecurityToken: types.StringNull(),
		Region: types.StringNull(), Protocol: types.StringNull(), Domain: types.StringNull(),
		RateLimit: types.Float64Null(), MaxRetries: types.Int64Null(), RequestTimeout: types.StringNull(),
		Profile: types.StringNull(), SharedCredentialsDir: types.StringNull(), CamRoleName: types.StringNull(),
		EnablePodOIDC:       types.BoolNull(),
		AllowedAccountIDs:   types.SetNull(types.StringType),
		ForbiddenAccountIDs: types.SetNull(types.StringType),
	}
}

func diagText(diags diag.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.Summary() + " " + d.Detail() + "\n")
	}
	return b.String()
}

// TestProfilesAreReadPerConfiguration resolves two provider configurations
// in one process, as aliases in one run would be, with different profiles.
func TestProfilesAreReadPerConfiguration(t *testing.T) {
	var ids []string
	for _, id := range []string{"AKIDfirst", "AKIDsecond"} {
		dir := t.TempDir()
		writeProfile(t, dir, "shared-name", `{"secretId": "`+id+`", "secretKey": "k"}`, "")
		m := emptyProviderModel()
		m.Profile, m.SharedCredentialsDir = types.StringValue("shared-name"), types.StringValue(dir)
		s, diags := resolveSettings(m, "test")
		if diags.HasError() {
			t.Fatal(diags)
		}
		if err := s.credential.Refresh(context.Background()); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, s.credential.GetSecretId())
	}
	if ids[0] != "AKIDfirst" || ids[1] != "AKIDsecond" {
		t.Errorf("the configurations signed with %v, want each its own profile", ids)
	}
}
