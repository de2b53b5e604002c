// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestTheReadyFileHoldsEachServiceURLAsTheProvidersVariableUntilTheEmulatorStops(t *testing.T) {
	dir := t.TempDir()
	readyFile := filepath.Join(dir, "emulator.env")
	stdout, stop := startCommand(t, []string{"--world", "../../examples/demo/world.json", "--quiet", "--ready-file", readyFile}, io.Discard)
	var printed []string
	for range 3 {
		line, err := stdout.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		fields := strings.Fields(line) // the URL, after its label if it has one
		printed = append(printed, fields[len(fields)-1])
	}

	text, err := os.ReadFile(readyFile)
	if err != nil {
		t.Fatalf("the ready file is not there once the URLs are printed: %v", err)
	}
	want := "TENCENTCLOUD_ORGANIZATION_ENDPOINT=" + printed[0] + "\n" +
		"TENCENTCLOUD_STS_ENDPOINT=" + printed[1] + "\n" +
		"TENCENTCLOUD_METADATA_ENDPOINT=" + printed[2] + "\n"
	if string(text) != want {
		t.Errorf("ready file:\n%s\nwant:\n%s", text, want)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("the directory holds %v, want the ready file alone, no temporary file", entries)
	}
	if runtime.GOOS != "windows" {
		sourced, err := exec.Command("sh", "-c", `set -a; . "$1"; env`, "sh", readyFile).Output()
		if err != nil || !strings.Contains(string(sourced), "TENCENTCLOUD_STS_ENDPOINT="+printed[1]+"\n") {
			t.Errorf("sourcing the ready file exported %q, %v", sourced, err)
		}
	}

	stop()
	if _, err := os.Stat(readyFile); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the ready file outlived the emulator: %v", err)
	}
}

func TestAReadyFileThatCannotBeWrittenFailsBeforeAnythingIsPrinted(t *testing.T) {
	var stdout strings.Builder
	readyFile := filepath.Join(t.TempDir(), "missing-directory", "emulator.env")
	err := run(context.Background(), []string{"--world", "../../examples/demo/world.json", "--ready-file", readyFile}, &stdout, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "ready file") || exitCode(err) != 1 {
		t.Errorf("run = %v, want a ready file error", err)
	}
	if stdout.Len() > 0 {
		t.Errorf("printed %q though it could not start", stdout.String())
	}
}

func TestWritingTheReadyFileReplacesAnOldOneWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "emulator.env")
	if err := os.WriteFile(path, []byte("TENCENTCLOUD_ORGANIZATION_ENDPOINT=http://stale\nmore stale lines\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	urls := map[string]string{"organization": "http://127.0.0.1:1", "sts": "http://127.0.0.1:2", "metadata": "http://[::1]:3"}
	if err := writeReadyFile(path, urls); err != nil {
		t.Fatal(err)
	}
	text, _ := os.ReadFile(path)
	want := "TENCENTCLOUD_ORGANIZATION_ENDPOINT=http://127.0.0.1:1\nTENCENTCLOUD_STS_ENDPOINT=http://127.0.0.1:2\nTENCENTCLOUD_METADATA_ENDPOINT=http://[::1]:3\n"
	if string(text) != want {
		t.Errorf("ready file %q, want %q", text, want)
	}
}

func TestAReadyFileLeftByAnEarlierRunIsRemovedWhenTheStartFails(t *testing.T) {
	dir := t.TempDir()
	ready := filepath.Join(dir, "ready.env")
	if err := os.WriteFile(ready, []byte("TENCENTCLOUD_ORGANIZATION_ENDPOINT=http://127.0.0.1:9\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := run(t.Context(), []string{"--world", filepath.Join(dir, "missing.json"), "--ready-file", ready}, &bytes.Buffer{}, &bytes.Buffer{})
	if err == nil {
		t.Fatal("the emulator started without its world file")
	}
	if _, err := os.Stat(ready); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the stale ready file is still there (%v)", err)
	}
}
