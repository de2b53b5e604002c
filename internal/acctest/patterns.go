// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"regexp"
	"strings"
)

// ErrorMatching matches an error output that contains every phrase in
// order, whatever line wrapping Terraform applied between words.
func ErrorMatching(phrases ...string) *regexp.Regexp {
	parts := make([]string, len(phrases))
	for i, p := range phrases {
		words := strings.Fields(p)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		parts[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(parts, `.*`))
}

// WrappedPattern compiles a regular expression in which each space matches
// any run of whitespace, since Terraform wraps long diagnostic lines.
func WrappedPattern(pattern string) *regexp.Regexp {
	return regexp.MustCompile(`(?s)` + strings.ReplaceAll(pattern, " ", `\s+`))
}
