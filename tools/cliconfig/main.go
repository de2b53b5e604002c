// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Command cliconfig prints the dev_overrides CLI configuration that the
// acceptance tests write, for scripts/demo.sh, so that the configuration
// has one writer: acctest.DevOverrides.
//
//	go run ./tools/cliconfig -host registry.terraform.io -plugin-dir bin -mirror /tmp/mirror
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

func main() {
	host := flag.String("host", "registry.terraform.io", "the registry host the CLI resolves tcorg/tencentcloud on")
	pluginDir := flag.String("plugin-dir", "", "the directory holding the provider binary to run")
	mirror := flag.String("mirror", "", "a filesystem mirror holding the provider, for init; without it, other providers install directly")
	flag.Parse()
	if *pluginDir == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: cliconfig -plugin-dir DIR [-host HOST] [-mirror DIR]")
		os.Exit(2)
	}
	fmt.Print(acctest.DevOverrides(*host, *pluginDir, *mirror))
}
