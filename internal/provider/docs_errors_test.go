// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEverySummaryInTheErrorsTableIsOneTheProviderSays keeps the plural
// page's Errors section true: a summary renamed in code, or misquoted on
// the page, would send a user looking for an error that never appears.
func TestEverySummaryInTheErrorsTableIsOneTheProviderSays(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(repoRoot, "docs/data-sources/organization_member_email_binds.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, found := strings.Cut(string(page), "\n## Errors\n")
	if !found {
		t.Fatal("the page has no Errors section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var code strings.Builder
	for _, source := range providerSources(t, false) {
		b, err := os.ReadFile(source)
		if err != nil {
			t.Fatal(err)
		}
		code.Write(b)
	}
	rows := 0
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || strings.HasPrefix(strings.TrimSpace(cells[1]), "-") || strings.TrimSpace(cells[1]) == "Summary" {
			continue
		}
		rows++
		for _, summary := range strings.Split(strings.TrimSpace(cells[1]), ", ") {
			if !strings.Contains(code.String(), `"`+summary+`"`) && !strings.Contains(code.String(), `"`+summary+` `) {
				t.Errorf("the Errors table quotes %q, which no diagnostic of the provider has", summary)
			}
		}
	}
	if rows < 10 {
		t.Errorf("found %d rows in the Errors table; the parse is broken", rows)
	}
}
