// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Command tencentcloud-emulator serves the Tencent Cloud Organization API
// from a world file, for offline plans and policy tests:
//
//	tencentcloud-emulator --listen 127.0.0.1:0 --world world.json
//
// Each service listens on its own address, as each has its own host in the
// real cloud, and refuses the actions of the others. Once listening, it
// prints one base URL per line:
//
//	http://127.0.0.1:PORT                 the Organization API
//	sts: http://127.0.0.1:PORT            STS (AssumeRole and the other credential sources)
//	metadata: http://127.0.0.1:PORT       the CVM instance metadata service
//
// The first line is the bare Organization URL, to use as the provider's
// endpoints.organization (or TENCENTCLOUD_ORGANIZATION_ENDPOINT); the others
// are labelled, for endpoints.sts (TENCENTCLOUD_STS_ENDPOINT) and
// TENCENTCLOUD_METADATA_ENDPOINT. --ready-file writes the same URLs to a
// file, as those variables, once every service listens.
//
// `tencentcloud-emulator schema` prints the JSON Schema of the world file,
// and `tencentcloud-emulator record --out FILE` writes a snapshot of a real
// organization as one.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
)

const command = "tencentcloud-emulator"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	code := exitCode(err)
	if code == 1 {
		fmt.Fprintln(os.Stderr, command+":", err)
	}
	if code != 0 {
		stop()
		os.Exit(code)
	}
}

// run runs the subcommand args name, or serve when args start with a flag
// or are empty, so that the command line before subcommands still works.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return runServe(ctx, args, stdout, stderr)
	}
	switch args[0] {
	case "serve":
		return runServe(ctx, args[1:], stdout, stderr)
	case "schema":
		return runSchema(ctx, args[1:], stdout, stderr)
	case "record":
		return runRecord(ctx, args[1:], stdout, stderr)
	}
	return usageErrorf(stderr, "unknown command %q", args[0])
}

// errUsage marks a command line that cannot run, already explained on
// stderr: the flag package's own errors and ours exit with status 2, as
// Go's commands do.
var errUsage = errors.New("usage")

// exitCode is 0 for success and for a help request, 2 for a usage error
// and 1 for any other failure, which main prints.
func exitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	}
	return 1
}

// usageErrorf explains a usage error on stderr and returns errUsage.
func usageErrorf(stderr io.Writer, format string, args ...any) error {
	message := fmt.Sprintf(format, args...)
	fmt.Fprintf(stderr, "%s: %s\nRun '%s --help' for usage.\n", command, message, command)
	return fmt.Errorf("%s: %w", message, errUsage)
}

// parseFlags parses args into flags, which refuse positional arguments: a
// word left over is a typo or a misplaced subcommand, never meant to be
// ignored. Help that was asked for goes to stdout, for a pager, and returns
// flag.ErrHelp; the usage after a mistake goes to stderr with it, and the
// error wraps errUsage.
func parseFlags(flags *flag.FlagSet, args []string, stdout, stderr io.Writer) error {
	var printed bytes.Buffer
	flags.SetOutput(&printed)
	err := flags.Parse(args)
	flags.SetOutput(stderr)
	if errors.Is(err, flag.ErrHelp) {
		_, _ = printed.WriteTo(stdout)
		return err
	}
	_, _ = printed.WriteTo(stderr)
	switch {
	case err != nil:
		return fmt.Errorf("%w: %w", errUsage, err)
	case flags.NArg() > 0:
		return usageErrorf(stderr, "unexpected argument %q", flags.Arg(0))
	}
	return nil
}
