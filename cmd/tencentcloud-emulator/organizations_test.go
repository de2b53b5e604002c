// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// twoOrganizationsWorld is two organizations, each run by its own account
// with its own key pair.
const twoOrganizationsWorld = `{
  "credentials": [
    {"secret_id": "AKIDretail", "secret_key": "retail-key", "uin": 100000000001},
    {"secret_id": "AKIDbank", "secret_key": "bank-key", "uin": 200000000001}
  ],
  "organizations": [
    {"admin_uin": 100000000001, "members": [
      {"member_uin": 100000000011, "listing": {"Name": "retail-prod"}, "email_bind": {"BindStatus": "Success"}},
      {"member_uin": 100000000012, "listing": {"Name": "retail-dev"}, "email_bind": {"BindStatus": "Unbound"}}
    ]},
    {"admin_uin": 200000000001, "members": [
      {"member_uin": 200000000011, "listing": {"Name": "bank-prod"}, "email_bind": {"BindStatus": "Valid"}}
    ]}
  ]
}`

func TestOneEmulatorServesEachOrganizationToItsOwnKeyPairOnly(t *testing.T) {
	worldPath := filepath.Join(t.TempDir(), "world.json")
	if err := os.WriteFile(worldPath, []byte(twoOrganizationsWorld), 0o600); err != nil {
		t.Fatal(err)
	}
	stdout, stop := startCommand(t, []string{"--world", worldPath, "--quiet"}, io.Discard)
	defer stop()
	line, err := stdout.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	endpoint, _ := url.Parse(strings.TrimSpace(line))
	ctx := context.Background()
	for _, c := range []struct {
		secretID, secretKey string
		members             []int64
		other               int64 // a member of the other organization
	}{
		{"AKIDretail", "retail-key", []int64{100000000011, 100000000012}, 200000000011},
		{"AKIDbank", "bank-key", []int64{200000000011}, 100000000011},
	} {
		client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential(c.secretID, c.secretKey), Endpoint: endpoint})
		inventory, err := client.ReadInventory(ctx, organization.InventoryQuery{EmailBinds: true})
		if err != nil {
			t.Fatalf("%s: %v", c.secretID, err)
		}
		var read []int64
		for _, m := range inventory.Members {
			read = append(read, m.MemberUin)
		}
		if !slices.Equal(read, c.members) {
			t.Errorf("%s read members %v, want %v", c.secretID, read, c.members)
		}
		_, err = client.DescribeOrganizationMemberEmailBind(ctx, c.other)
		var apiErr *tencentapi.Error
		if !errors.As(err, &apiErr) || apiErr.Code != "ResourceNotFound.OrganizationMemberNotExist" {
			t.Errorf("%s read the other organization's member %d: %v", c.secretID, c.other, err)
		}
	}
}
