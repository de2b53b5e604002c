// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeFile puts data at path whole or not at all: it is written to a
// temporary file beside path and renamed over it once complete, so that a
// failure, or a reader at the wrong moment, never sees half a snapshot,
// and a snapshot already there stays until a new one replaces it.
func writeFile(path string, data []byte) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing the snapshot: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("writing the snapshot: %w", err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("writing the snapshot: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("writing the snapshot: %w", err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing the snapshot: %w", err)
	}
	return nil
}

// write puts data at out, or on stdout for "-".
func write(out string, stdout io.Writer, data []byte) error {
	if out == "" {
		return errors.New("no output path")
	}
	if out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	return writeFile(out, data)
}
