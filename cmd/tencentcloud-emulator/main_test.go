// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"context"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func TestServesTheDemoWorldAndPrintsItsURL(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	stdoutReader, stdout := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"--listen", "127.0.0.1:0", "--world", "../../examples/demo/world.json", "--quiet"}, stdout, io.Discard)
	}()

	line, err := bufio.NewReader(stdoutReader).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	endpoint, err := url.Parse(strings.TrimSpace(line))
	if err != nil || endpoint.Scheme != "http" {
		t.Fatalf("first line %q is not the base URL", line)
	}

	world, _ := emulator.LoadWorld("../../examples/demo/world.json")
	cred := world.Credentials[0]
	client := organization.NewClient(tencentapi.Config{Credential: common.NewCredential(cred.SecretID, cred.SecretKey), Endpoint: endpoint})
	out, err := client.DescribeOrganizationMemberEmailBind(ctx, 100033118139)
	if err != nil {
		t.Fatal(err)
	}
	if out.BindStatus == nil || *out.BindStatus != "Success" {
		t.Errorf("BindStatus = %v", out.BindStatus)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run returned %v after cancellation", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the emulator did not stop after cancellation")
	}
}

func TestRejectsMissingOrInvalidWorld(t *testing.T) {
	for _, args := range [][]string{
		{},
		{"--world", "does-not-exist.json"},
	} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("run(%q) succeeded", args)
		}
	}
}
