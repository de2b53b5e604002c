// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// runSchema prints the world file's JSON Schema.
func runSchema(_ context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet(command+" schema", flag.ContinueOnError)
	flags.Usage = func() { fmt.Fprint(flags.Output(), schemaUsage) }
	if err := parseFlags(flags, args, stdout, stderr); err != nil {
		return err
	}
	_, err := stdout.Write(emulator.WorldSchemaJSON())
	return err
}
