// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

func env(values map[string]string) Getenv {
	return func(name string) string { return values[name] }
}

// profileDir writes the tccli profile name, with a region, and returns its directory.
func profileDir(t *testing.T, name, credential string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name+".credential"), []byte(credential), 0o600); err != nil {
		t.Fatal(err)
	}
	configure := `{"_sys_param": {"region": "ap-singapore"}}`
	if err := os.WriteFile(filepath.Join(dir, name+".configure"), []byte(configure), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAKeyPairInTheEnvironmentWinsOverAProfile(t *testing.T) {
	dir := profileDir(t, "default", `{"secretId": "AKIDprofile", "secretKey": "profile-key"}`)
	conn, err := Connect(env(map[string]string{
		envvar.SecretID: "AKIDenv", envvar.SecretKey: "env-key", envvar.SharedCredentialsDir: dir,
	}), 0)
	if err != nil {
		t.Fatal(err)
	}
	if conn.CredentialSource != envvar.SecretID || conn.Organization.Region != "" || conn.Organization.RateLimit != 20 {
		t.Errorf("credential from %q, region %q, rate %g: want the environment's key pair, no region and the default rate",
			conn.CredentialSource, conn.Organization.Region, conn.Organization.RateLimit)
	}
}

func TestHalfAKeyPairNamesTheMissingVariable(t *testing.T) {
	for set, missing := range map[string]string{envvar.SecretID: envvar.SecretKey, envvar.SecretKey: envvar.SecretID} {
		_, err := Connect(env(map[string]string{set: "x"}), 0)
		if err == nil || !strings.Contains(err.Error(), missing) || strings.Contains(err.Error(), `"x"`) {
			t.Errorf("with only %s: err = %v, want one naming %s", set, err, missing)
		}
	}
}

func TestTheProfileNamedIsUsedWithItsRegion(t *testing.T) {
	dir := profileDir(t, "audit", `{"secretId": "AKIDprofile", "secretKey": "profile-key"}`)
	conn, err := Connect(env(map[string]string{envvar.Profile: "audit", envvar.SharedCredentialsDir: dir}), 5)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(conn.CredentialSource, `"audit"`) || conn.Organization.Region != "ap-singapore" || conn.Organization.RateLimit != 5 {
		t.Errorf("credential from %q, region %q, rate %g", conn.CredentialSource, conn.Organization.Region, conn.Organization.RateLimit)
	}
	_, err = Connect(env(map[string]string{envvar.Profile: "absent", envvar.SharedCredentialsDir: dir}), 0)
	if err == nil || !strings.Contains(err.Error(), `"absent"`) || !strings.Contains(err.Error(), envvar.Profile) {
		t.Errorf("err = %v, want one naming the profile and %s", err, envvar.Profile)
	}
}

func TestWithoutACredentialTheErrorNamesEveryVariable(t *testing.T) {
	_, err := Connect(env(map[string]string{envvar.SharedCredentialsDir: t.TempDir()}), 0)
	for _, name := range []string{envvar.SecretID, envvar.SecretKey, envvar.Profile, envvar.SharedCredentialsDir} {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("err = %v, want one naming %s", err, name)
		}
	}
}

func TestASourceTheProviderWouldPreferIsRefused(t *testing.T) {
	_, err := Connect(env(map[string]string{
		envvar.SecretID: "AKIDenv", envvar.SecretKey: "env-key", envvar.WebIdentityTokenFile: "/var/run/token",
	}), 0)
	if err == nil || !strings.Contains(err.Error(), envvar.WebIdentityTokenFile) {
		t.Errorf("err = %v, want one naming %s", err, envvar.WebIdentityTokenFile)
	}
}

func TestEndpointsComeFromTheirVariablesOrProtocolAndDomain(t *testing.T) {
	base := map[string]string{envvar.SecretID: "AKIDenv", envvar.SecretKey: "env-key"}
	conn, err := Connect(env(base), 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := organization.NewClient(conn.Organization).Endpoint(); got != "https://organization.intl.tencentcloudapi.com" {
		t.Errorf("default endpoint %s", got)
	}
	base[envvar.Protocol], base[envvar.Domain] = "http", "tencentcloudapi.example"
	base[envvar.STSEndpoint] = "http://127.0.0.1:9"
	if conn, err = Connect(env(base), 0); err != nil {
		t.Fatal(err)
	}
	if got := organization.NewClient(conn.Organization).Endpoint(); got != "http://organization.tencentcloudapi.example" {
		t.Errorf("endpoint from protocol and domain: %s", got)
	}
	if got := sts.NewClient(conn.STS).Endpoint(); got != "http://127.0.0.1:9" {
		t.Errorf("STS endpoint: %s", got)
	}
	base[envvar.OrganizationEndpoint] = "https://user:hunter2@organization.example"
	if _, err = Connect(env(base), 0); err == nil || !strings.Contains(err.Error(), envvar.OrganizationEndpoint) || strings.Contains(err.Error(), "hunter2") {
		t.Errorf("err = %v, want one naming %s without the URL's password", err, envvar.OrganizationEndpoint)
	}
}

func TestAProfilesRoleIsAssumedAndItsAccountIsTheAdmin(t *testing.T) {
	_, endpoints := acctest.StartEmulator(t, acctest.World)
	dir := profileDir(t, "default", `{"secretId": "AKIDloner", "secretKey": "loner-key",
	  "role-arn": "qcs::cam::uin/100000000001:roleName/auditor"}`)
	var out strings.Builder
	err := Record(context.Background(), Options{Out: "-", Stdout: &out, Getenv: env(map[string]string{
		envvar.SharedCredentialsDir: dir, envvar.OrganizationEndpoint: endpoints.Organization, envvar.STSEndpoint: endpoints.STS,
	})})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"admin_uin": 100000000001`) || !strings.Contains(out.String(), `"member_uin": 100033118142`) {
		t.Errorf("the snapshot is not the organization of the role's account:\n%s", out.String())
	}
}
