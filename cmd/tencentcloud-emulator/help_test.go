// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// mainArgsVariable, set to a JSON array of arguments, makes the test binary
// run main with them instead of the tests, so that a test can see the exit
// status main gives.
const mainArgsVariable = "TENCENTCLOUD_EMULATOR_TEST_MAIN_ARGS"

func TestMain(m *testing.M) {
	if encoded, ok := os.LookupEnv(mainArgsVariable); ok {
		var args []string
		if err := json.Unmarshal([]byte(encoded), &args); err != nil {
			panic(err)
		}
		os.Args = append([]string{command}, args...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// runMain runs main in a process of its own, returning its exit status and
// what it printed.
func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	encoded, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0]) //nolint:gosec // the test binary itself
	cmd.Env = append(os.Environ(), mainArgsVariable+"="+string(encoded))
	var out, errOut strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

func TestHelpDocumentsEveryFlagAndSubcommandOnStdoutAndExitsWithStatus0(t *testing.T) {
	flags, _ := serveFlags()
	for _, args := range [][]string{{"--help"}, {"-h"}, {"serve", "--help"}, {"--world", "world.json", "-h"}} {
		code, stdout, stderr := runMain(t, args...)
		if code != 0 || stderr != "" {
			t.Errorf("%q: exit status %d, stderr %q; want 0 and nothing on stderr", args, code, stderr)
		}
		wants := []string{
			"tencentcloud-emulator [serve] --world FILE [flags]", "tencentcloud-emulator schema",
			"the Organization API (always the first line)", "sts: http://", "metadata: http://",
			"TENCENTCLOUD_ORGANIZATION_ENDPOINT=http://", "Exit status: 0",
		}
		flags.VisitAll(func(f *flag.Flag) {
			_, usage := flag.UnquoteUsage(f)
			wants = append(wants, "-"+f.Name, usage)
		})
		for _, want := range wants {
			if !strings.Contains(stdout, want) {
				t.Errorf("%q lacks %q:\n%s", args, want, stdout)
			}
		}
	}
}

func TestSchemaHelpSaysWhatItPrints(t *testing.T) {
	code, stdout, _ := runMain(t, "schema", "--help")
	if code != 0 || !strings.Contains(stdout, "JSON Schema (draft 2020-12) of the world file") {
		t.Errorf("exit status %d, help %q", code, stdout)
	}
}

func TestACommandLineThatCannotRunExitsWithStatus2AndSaysWhy(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{}, "--world is required"},
		{[]string{"--no-such-flag"}, "flag provided but not defined: -no-such-flag"},
		{[]string{"--listen"}, "flag needs an argument: -listen"},
		{[]string{"record-nothing"}, `unknown command "record-nothing"`},
		{[]string{"--world", "world.json", "extra"}, `unexpected argument "extra"`},
		{[]string{"serve", "--world", "world.json", "extra"}, `unexpected argument "extra"`},
		{[]string{"schema", "extra"}, `unexpected argument "extra"`},
		{[]string{"schema", "--world", "world.json"}, "flag provided but not defined: -world"},
	} {
		code, stdout, stderr := runMain(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) || stdout != "" {
			t.Errorf("%q: exit status %d, stdout %q, stderr %q; want 2 and %q on stderr only", c.args, code, stdout, stderr, c.want)
		}
	}
}

func TestAWorldThatCannotBeLoadedExitsWithStatus1(t *testing.T) {
	code, _, stderr := runMain(t, "--world", "does-not-exist.json")
	if code != 1 || !strings.Contains(stderr, "tencentcloud-emulator: open does-not-exist.json") {
		t.Errorf("exit status %d, stderr %q; want 1 and the error", code, stderr)
	}
}

func TestRunReturnsFlagErrHelpForHelpAndErrUsageForABadCommandLine(t *testing.T) {
	ctx := context.Background()
	if err := run(ctx, []string{"-h"}, io.Discard, io.Discard); !errors.Is(err, flag.ErrHelp) || exitCode(err) != 0 {
		t.Errorf("run(-h) = %v", err)
	}
	if err := run(ctx, []string{"--bogus"}, io.Discard, io.Discard); !errors.Is(err, errUsage) || exitCode(err) != 2 {
		t.Errorf("run(--bogus) = %v", err)
	}
}
