// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"
)

const membersWorld = `{
  "credentials": [{"secret_id": "AKIDadmin", "secret_key": "admin-key", "uin": 100000000001}],
  "organizations": [{
    "admin_uin": 100000000001,
    "members": [
      {"member_uin": 100033118139, "listing": {"Name": "prod", "NodeId": 2001, "NodeName": "Finance"}},
      {"member_uin": 100033118140, "listing": {"Name": "staging"}}
    ]
  }]
}`

// lockedBuffer collects the request log, which the server writes from its own goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServesTheMemberListingAndLogsItsFilters(t *testing.T) {
	worldPath := filepath.Join(t.TempDir(), "world.json")
	if err := os.WriteFile(worldPath, []byte(membersWorld), 0o600); err != nil {
		t.Fatal(err)
	}
	var log lockedBuffer
	stdout, stop := startCommand(t, []string{"--listen", "127.0.0.1:0", "--world", worldPath}, &log)
	line, err := stdout.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	endpoint, _ := url.Parse(strings.TrimSpace(line))

	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Scheme = "HTTP"
	cpf.HttpProfile.Endpoint = endpoint.Host
	client := common.NewCommonClient(common.NewCredential("AKIDadmin", "admin-key"), "", cpf)
	request := tchttp.NewCommonRequest("organization", "2021-03-31", "DescribeOrganizationMembers")
	if err := request.SetActionParameters(map[string]any{"SearchKey": "prod", "Limit": 50}); err != nil {
		t.Fatal(err)
	}
	response := tchttp.NewCommonResponse()
	if err := client.Send(request, response); err != nil {
		t.Fatal(err)
	}
	if body := string(response.GetBody()); !strings.Contains(body, `"MemberUin":100033118139`) || !strings.Contains(body, `"Total":1`) {
		t.Errorf("response %s, want the one member named prod", body)
	}

	stop()
	if want := `DescribeOrganizationMembers Limit=50 SearchKey="prod" -> OK`; !strings.Contains(log.String(), want) {
		t.Errorf("log %q lacks %q", log.String(), want)
	}
}
