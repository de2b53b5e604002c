// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/snapshot"
)

// roundTripMembers is over one listing page, so that recording pages.
const roundTripMembers = 60

// The data sources the round trip reads: the whole organization, and two
// members alone, one with every listing field and an unbound one.
const (
	allAddress     = "data.tencentcloud_organization_member_email_binds.all"
	oddAddress     = "data.tencentcloud_organization_member_email_bind.odd"
	unboundAddress = "data.tencentcloud_organization_member_email_bind.unbound"
)

var roundTripData = fmt.Sprintf(`
data "tencentcloud_organization_member_email_binds" "all" {}

data "tencentcloud_organization_member_email_bind" "odd" {
  member_uin = %d
}

data "tencentcloud_organization_member_email_bind" "unbound" {
  member_uin = %d
}
`, acctest.OddMember, acctest.FirstInventoryUin+3)

func TestAccSnapshotReadsAsTheOrganizationItWasRecordedFrom(t *testing.T) {
	_, original := acctest.ServeWorld(t, acctest.InventoryWorld(t, roundTripMembers, ""))
	want := readThroughCLI(t, original.Organization, "AKIDinv", "inv-key")

	_, kept := acctest.ServeWorld(t, record(t, original, true))
	if got := readThroughCLI(t, kept.Organization, snapshot.TestSecretID, snapshot.TestSecretKey); !reflect.DeepEqual(got, want) {
		t.Errorf("the snapshot with contacts kept reads otherwise than the organization:\n%s", diff(got, want))
	}

	_, masked := acctest.ServeWorld(t, record(t, original, false))
	got := readThroughCLI(t, masked.Organization, snapshot.TestSecretID, snapshot.TestSecretKey)
	unmask(t, got, want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the masked snapshot reads otherwise than the organization, masked fields aside:\n%s", diff(got, want))
	}
}

// record records the organization endpoints serve with its admin's key,
// and returns the snapshot as the emulator loads it.
func record(t *testing.T, endpoints acctest.Endpoints, keepContacts bool) emulator.World {
	t.Helper()
	env := map[string]string{
		envvar.SecretID: "AKIDinv", envvar.SecretKey: "inv-key",
		envvar.OrganizationEndpoint: endpoints.Organization, envvar.STSEndpoint: endpoints.STS,
	}
	out := filepath.Join(t.TempDir(), "snapshot.json")
	err := snapshot.Record(context.Background(), snapshot.Options{
		Out: out, KeepContacts: keepContacts, RateLimit: 200, Getenv: func(name string) string { return env[name] },
	})
	if err != nil {
		t.Fatal(err)
	}
	world, err := emulator.LoadWorld(out)
	if err != nil {
		t.Fatal(err)
	}
	// As fast as the inventory world, which readThroughCLI reads as fast.
	world.RateLimit = 1000
	return world
}

// dataValues are the data sources' attribute values by address, without
// request_id, which every read changes.
type dataValues map[string]map[string]any

// readThroughCLI reads the round trip's data sources with Terraform from
// the Organization API at endpoint, signed with the key pair given.
func readThroughCLI(t *testing.T, endpoint, secretID, secretKey string) dataValues {
	t.Helper()
	values := dataValues{}
	config := acctest.ProviderBlockWith(endpoint, fmt.Sprintf("secret_id = %q\n  secret_key = %q\n  rate_limit = 500", secretID, secretKey)) + roundTripData
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config:            config,
			ConfigStateChecks: []statecheck.StateCheck{captureData{values}},
		}},
	})
	if len(values) != 3 {
		t.Fatalf("read %d data sources, want 3", len(values))
	}
	return values
}

// captureData copies the data sources' values out of the state.
type captureData struct{ into dataValues }

func (c captureData) CheckState(_ context.Context, req statecheck.CheckStateRequest, _ *statecheck.CheckStateResponse) {
	for _, r := range req.State.Values.RootModule.Resources {
		values := map[string]any{}
		for name, value := range r.AttributeValues {
			if name != "request_id" {
				values[name] = value
			}
		}
		c.into[r.Address] = values
	}
}

// diff names the attributes, down to list items and object fields, where
// got and want differ, the first few of them.
func diff(got, want dataValues) string {
	var lines []string
	for address := range want {
		diffValues(address, got[address], want[address], &lines)
	}
	return strings.Join(lines, "\n")
}

func diffValues(path string, got, want any, lines *[]string) {
	if len(*lines) >= 10 || reflect.DeepEqual(got, want) {
		return
	}
	switch w := want.(type) {
	case map[string]any:
		if g, ok := got.(map[string]any); ok {
			for name := range w {
				diffValues(path+"."+name, g[name], w[name], lines)
			}
			return
		}
	case []any:
		if g, ok := got.([]any); ok && len(g) == len(w) {
			for i := range w {
				diffValues(fmt.Sprintf("%s[%d]", path, i), g[i], w[i], lines)
			}
			return
		}
	}
	g, _ := json.Marshal(got)
	w, _ := json.Marshal(want)
	*lines = append(*lines, fmt.Sprintf("%s = %.300s, want %.300s", path, g, w))
}
