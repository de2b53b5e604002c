// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

func TestProgressShowsMembersReadOfTotalAndTheTimeLeftAtTheRateLimit(t *testing.T) {
	var w bytes.Buffer
	p := &progress{w: &w, rateLimit: 20}
	p.listed(context.Background(), 1, 200, 200)
	p.bindings(context.Background(), organization.BindProgress{Done: 100, Total: 200})
	p.done()
	// 100 reads and the 4 pages of the confirming listing, at 20 a second.
	for _, want := range []string{"listing 1: 200 of 200 members", "\rread 100 of 200 members, about 5s left at 20 requests/s", "\033[K\n"} {
		if !strings.Contains(w.String(), want) {
			t.Errorf("progress %q does not show %q", w.String(), want)
		}
	}
}

func TestProgressWithoutATerminalShowsNothing(t *testing.T) {
	p := &progress{rateLimit: 20}
	p.listed(context.Background(), 1, 2, 2)
	p.done()
	file, err := os.Create(filepath.Join(t.TempDir(), "log"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	if IsTerminal(file) || IsTerminal(&bytes.Buffer{}) {
		t.Error("a file or a buffer was taken for a terminal")
	}
}

func TestAFailedWriteLeavesNoTemporaryFileBehind(t *testing.T) {
	dir := t.TempDir()
	taken := filepath.Join(dir, "taken")
	if err := os.Mkdir(taken, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(taken, "keep"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := openOutput(taken, nil); err == nil {
		out.abort()
		t.Fatal("a snapshot may replace a directory")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d entries in the directory, want the directory alone", len(entries))
	}
}
