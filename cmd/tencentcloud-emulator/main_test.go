// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func TestServesEachServiceAtItsOwnURLAndPrintsTheOrganizationURLFirst(t *testing.T) {
	lines, stop := startCommand(t, []string{"--listen", "127.0.0.1:0", "--world", "../../examples/demo/world.json", "--quiet"}, io.Discard)
	ctx := context.Background()
	var printed []string
	for range 3 {
		line, err := lines.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		printed = append(printed, strings.TrimSpace(line))
	}
	endpoint, err := url.Parse(printed[0])
	if err != nil || endpoint.Scheme != "http" {
		t.Fatalf("first line %q is not the Organization base URL", printed[0])
	}
	stsURL, stsFound := strings.CutPrefix(printed[1], "sts: ")
	metadataURL, metadataFound := strings.CutPrefix(printed[2], "metadata: ")
	if !stsFound || !metadataFound || stsURL == printed[0] || metadataURL == printed[0] || stsURL == metadataURL {
		t.Fatalf("printed %q, want the Organization URL, then labelled STS and metadata URLs of their own", printed)
	}

	world, _ := emulator.LoadWorld("../../examples/demo/world.json")
	cred := common.NewCredential(world.Credentials[0].SecretID, world.Credentials[0].SecretKey)
	client := organization.NewClient(tencentapi.Config{Credential: cred, Endpoint: endpoint})
	out, err := client.DescribeOrganizationMemberEmailBind(ctx, 100033118139)
	if err != nil {
		t.Fatal(err)
	}
	if out.BindStatus == nil || *out.BindStatus != "Success" {
		t.Errorf("BindStatus = %v", out.BindStatus)
	}
	// The demo world has no roles: STS answers that the role does not
	// exist, where the Organization endpoint does not know the action at all.
	for base, want := range map[string]string{stsURL: "ResourceNotFound.RoleNotFound", printed[0]: "InvalidAction"} {
		u, _ := url.Parse(base)
		request := sts.NewAssumeRoleRequest()
		request.RoleArn, request.RoleSessionName = common.StringPtr("qcs::cam::uin/100000000001:roleName/none"), common.StringPtr("demo")
		_, err := sts.NewClient(tencentapi.Config{Credential: cred, Endpoint: u}).AssumeRole(ctx, request)
		var callErr *tencentapi.Error
		if !errors.As(err, &callErr) || callErr.Code != want {
			t.Errorf("AssumeRole at %s: %v, want %s", base, err, want)
		}
	}
	resp, err := http.Get(metadataURL + "/latest/meta-data/cam/security-credentials/") //nolint:noctx // loopback
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("the metadata URL answered %v, %v", resp, err)
	} else {
		resp.Body.Close()
	}
	stop()
}

// startCommand runs the command with args, returning what it prints and a
// stop that cancels it and expects it to end cleanly and promptly.
func startCommand(t *testing.T, args []string, stderr io.Writer) (*bufio.Reader, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	stdoutReader, stdout := io.Pipe()
	done := make(chan error, 1)
	go func() { done <- run(ctx, args, stdout, stderr) }()
	stop := func() {
		t.Helper()
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
	return bufio.NewReader(stdoutReader), stop
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
