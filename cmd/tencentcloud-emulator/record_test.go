// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/snapshot"
)

// The key the tests record with: a temporary one, so that its token is
// looked for in the snapshot too.
const (
	recorderID    = "AKIDrecorderKey1234567890"
	recorderKey   = "recorder-secret-key-5c1d"
	recorderToken = "recorder-token-8e2f"
)

// serveRecorded serves the inventory world of n members, with extra JSON,
// and the recorder's key for its admin, and points the environment at it.
func serveRecorded(t *testing.T, n int, extra string) *emulator.Server {
	t.Helper()
	world := acctest.InventoryWorld(t, n, extra)
	world.Credentials = append(world.Credentials, emulator.Credential{SecretID: recorderID, SecretKey: recorderKey, Token: recorderToken, Uin: 1})
	srv, endpoints := acctest.ServeWorld(t, world)
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, envvar.Prefix) {
			t.Setenv(name, "")
		}
	}
	t.Setenv("HOME", t.TempDir())
	for name, value := range map[string]string{
		envvar.SecretID: recorderID, envvar.SecretKey: recorderKey, envvar.SecurityToken: recorderToken,
		envvar.OrganizationEndpoint: endpoints.Organization, envvar.STSEndpoint: endpoints.STS,
	} {
		t.Setenv(name, value)
	}
	return srv
}

func TestRecordHelpPrintsTheFlagsAndTheTestKeyPair(t *testing.T) {
	var stdout bytes.Buffer
	err := run(context.Background(), []string{"record", "-h"}, &stdout, &bytes.Buffer{})
	if !errors.Is(err, flag.ErrHelp) || exitCode(err) != 0 {
		t.Fatalf("err = %v, want flag.ErrHelp and exit status 0", err)
	}
	for _, want := range []string{"-out", "-admin-uin", "-keep-contacts", "-rate-limit", snapshot.TestSecretID, snapshot.TestSecretKey, envvar.Profile} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("the usage does not mention %s:\n%s", want, stdout.String())
		}
	}
}

func TestRecordWritesAWorldTheEmulatorLoadsWithoutTheRecordingCredential(t *testing.T) {
	serveRecorded(t, 12, "")
	out := filepath.Join(t.TempDir(), "snapshot.json")
	var stdout, stderr bytes.Buffer
	if err := runRecord(context.Background(), []string{"--out", out, "--rate-limit", "200"}, &stdout, &stderr); err != nil {
		t.Fatal(err)
	}
	if stdout.Len() > 0 || stderr.Len() > 0 {
		t.Errorf("not quiet off a terminal: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{recorderID, recorderKey, recorderToken} {
		if bytes.Contains(data, []byte(secret)) {
			t.Errorf("the snapshot holds the recording credential's %q", secret)
		}
	}
	world, err := emulator.LoadWorld(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := world.Credentials; len(got) != 1 || got[0].SecretID != snapshot.TestSecretID || got[0].Uin != 1 {
		t.Errorf("credentials %+v, want only the test key pair of admin 1 (learned from STS)", got)
	}
	if members := world.Organizations[0].Members; len(members) != 12 {
		t.Errorf("%d members, want 12", len(members))
	}
}

func TestRecordWritesToStdoutForDash(t *testing.T) {
	serveRecorded(t, 3, "")
	var stdout bytes.Buffer
	if err := runRecord(context.Background(), []string{"--out", "-", "--admin-uin", "1", "--rate-limit", "200"}, &stdout, &bytes.Buffer{}); err != nil {
		t.Fatal(err)
	}
	if _, err := emulator.ParseWorld(stdout.Bytes()); err != nil {
		t.Errorf("stdout is no world: %v", err)
	}
}

func TestRecordThatCannotReadOneMemberFailsNamingItAndLeavesTheOutputAlone(t *testing.T) {
	failing := acctest.FirstInventoryUin + 5
	serveRecorded(t, 60, fmt.Sprintf(`, "faults": [{"kind": "error", "action": "DescribeOrganizationMemberEmailBind",
	  "code": "FailedOperation.MemberBindEmailError", "member_uin": %d, "count": 100}]`, failing))
	dir := t.TempDir()
	out := filepath.Join(dir, "snapshot.json")
	const before = "an earlier snapshot\n"
	if err := os.WriteFile(out, []byte(before), 0o600); err != nil {
		t.Fatal(err)
	}
	err := runRecord(context.Background(), []string{"--out", out, "--rate-limit", "200"}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil {
		t.Fatal("the record succeeded with a member it could not read")
	}
	for _, want := range []string{fmt.Sprint(failing), "FailedOperation.MemberBindEmailError", "RequestId", "no snapshot was written"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error does not say %q: %v", want, err)
		}
	}
	if strings.Contains(err.Error(), recorderKey) || strings.Contains(err.Error(), recorderToken) {
		t.Errorf("the error holds a secret: %v", err)
	}
	if data, _ := os.ReadFile(out); string(data) != before {
		t.Errorf("the output was changed to %q", data)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the output's directory, want the earlier snapshot alone", len(entries))
	}
}

func TestRecordWithoutACredentialNamesTheVariables(t *testing.T) {
	serveRecorded(t, 1, "")
	t.Setenv(envvar.SecretID, "")
	t.Setenv(envvar.SecretKey, "")
	out := filepath.Join(t.TempDir(), "snapshot.json")
	err := runRecord(context.Background(), []string{"--out", out}, &bytes.Buffer{}, &bytes.Buffer{})
	for _, want := range []string{envvar.SecretID, envvar.SecretKey, envvar.Profile} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("err = %v, want one naming %s", err, want)
		}
	}
	if _, statErr := os.Stat(out); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("a snapshot was written: %v", statErr)
	}
}

// A member the listing shows whose binding read answers that it is no
// member is left out of the data source with a warning; a snapshot without
// it would be partial, so the record fails instead.
func TestRecordFailsWhenAListedMemberAnswersThatItIsNoMember(t *testing.T) {
	gone := acctest.FirstInventoryUin + 4
	serveRecorded(t, 60, fmt.Sprintf(`, "faults": [{"kind": "error", "action": "DescribeOrganizationMemberEmailBind",
	  "code": "ResourceNotFound.OrganizationMemberNotExist", "member_uin": %d}]`, gone))
	out := filepath.Join(t.TempDir(), "snapshot.json")
	err := runRecord(context.Background(), []string{"--out", out, "--rate-limit", "200"}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), fmt.Sprint(gone)) || !strings.Contains(err.Error(), "no snapshot was written") {
		t.Fatalf("err = %v, want an error naming member %d", err, gone)
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a snapshot was written (%v)", err)
	}
}

// A path the snapshot cannot be written to fails before the organization
// is read, not after minutes of reads.
func TestRecordToADirectoryFailsBeforeReading(t *testing.T) {
	srv := serveRecorded(t, 60, "")
	err := runRecord(context.Background(), []string{"--out", t.TempDir(), "--rate-limit", "200"}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Fatalf("err = %v, want the directory refused", err)
	}
	if n := len(acctest.Requests(srv, "DescribeOrganizationMemberEmailBind")); n != 0 {
		t.Errorf("%d bindings were read before the output was refused", n)
	}
}
