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

// output is where a snapshot goes: stdout for "-", or else a temporary
// file beside the path, renamed over it once complete, so that a failure,
// or a reader at the wrong moment, never sees half a snapshot, and a
// snapshot already there stays until a new one replaces it. It is opened
// before the read, so that a path that cannot be written fails at once
// rather than after minutes of reads.
type output struct {
	path   string
	stdout io.Writer
	tmp    *os.File
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	switch path {
	case "":
		return nil, errors.New("no output path")
	case "-":
		return &output{path: path, stdout: stdout}, nil
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, fmt.Errorf("writing the snapshot: %s is a directory", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, fmt.Errorf("writing the snapshot: %w", err)
	}
	return &output{path: path, tmp: tmp}, nil
}

// abort removes the temporary file, unless commit has renamed it.
func (o *output) abort() {
	if o.tmp != nil {
		_ = o.tmp.Close()
		_ = os.Remove(o.tmp.Name())
	}
}

// commit puts data at the path whole, or on stdout.
func (o *output) commit(data []byte) error {
	if o.tmp == nil {
		_, err := o.stdout.Write(data)
		return err
	}
	_, err := o.tmp.Write(data)
	if err == nil {
		err = o.tmp.Sync()
	}
	if err == nil {
		err = o.tmp.Close()
	}
	if err == nil {
		err = os.Rename(o.tmp.Name(), o.path)
	}
	if err != nil {
		return fmt.Errorf("writing the snapshot: %w", err)
	}
	o.tmp = nil
	return nil
}
