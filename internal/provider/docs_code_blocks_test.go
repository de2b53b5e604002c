// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

type snippet struct {
	page, lang, body string
	line             int
}

func (s snippet) firstLine() string {
	first, _, _ := strings.Cut(s.body, "\n")
	return first
}

// docPages are README.md and every page under docs/, relative to the repository root.
func docPages(t *testing.T) []string {
	t.Helper()
	pages := []string{"README.md"}
	err := filepath.WalkDir(filepath.Join(repoRoot, "docs"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, _ := filepath.Rel(repoRoot, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

var fence = regexp.MustCompile("^(\\s*)```(\\S*)\\s*$")

// fencedBlocks returns the fenced code blocks of a page, without their
// fences.
func fencedBlocks(t *testing.T, page string) []snippet {
	t.Helper()
	content, err := os.ReadFile(filepath.Join(repoRoot, page))
	if err != nil {
		t.Fatal(err)
	}
	var blocks []snippet
	var open *snippet
	var body []string
	for i, line := range strings.Split(string(content), "\n") {
		m := fence.FindStringSubmatch(line)
		switch {
		case m != nil && open == nil:
			open = &snippet{page: page, lang: m[2], line: i + 1}
			body = nil
		case m != nil && m[2] == "":
			open.body = strings.Join(body, "\n")
			blocks = append(blocks, *open)
			open = nil
		case open != nil:
			body = append(body, line)
		}
	}
	if open != nil {
		t.Fatalf("%s:%d: a code block is never closed", page, open.line)
	}
	return blocks
}

// docSnippet is the block of page whose first line is firstLine, as the
// page shows it; a test that runs a snippet reads it here, so it runs what
// the page says.
func docSnippet(t *testing.T, page, firstLine string) string {
	t.Helper()
	for _, b := range fencedBlocks(t, page) {
		if b.firstLine() == firstLine {
			return b.body + "\n"
		}
	}
	t.Fatalf("%s has no code block starting %q", page, firstLine)
	return ""
}
