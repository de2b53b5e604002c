// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// readyVariables name each service's URL in the ready file: the provider's
// own variables, so that sourcing the file points the provider at the
// emulator.
var readyVariables = map[string]string{
	emulator.ServiceOrganization: envvar.OrganizationEndpoint,
	emulator.ServiceSTS:          envvar.STSEndpoint,
	emulator.ServiceMetadata:     envvar.MetadataEndpoint,
}

// readyFileText is one NAME=URL line per service. The URLs need no quoting
// (a shell does not expand an assignment's brackets), and quotes would be
// kept as part of the value by $GITHUB_ENV and docker --env-file.
func readyFileText(urls map[string]string) string {
	var text string
	for _, service := range emulator.Services() {
		text += readyVariables[service] + "=" + urls[service] + "\n"
	}
	return text
}

// writeReadyFile writes the file whole or not at all: into a temporary file
// beside path, renamed over path, so that a script that sees path reads
// every line.
func writeReadyFile(path string, urls map[string]string) error {
	temp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("ready file: %w", err)
	}
	_, err = io.WriteString(temp, readyFileText(urls))
	err = errors.Join(err, temp.Chmod(0o644), temp.Close())
	if err == nil {
		err = os.Rename(temp.Name(), path)
	}
	if err != nil {
		_ = os.Remove(temp.Name())
		return fmt.Errorf("ready file: %w", err)
	}
	return nil
}

// removeReadyFile removes the file on the way out, so that it never names
// an emulator that has stopped.
func removeReadyFile(path string, stderr io.Writer) {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "%s: ready file: %v\n", command, err)
	}
}
