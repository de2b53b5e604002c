// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

// usage is what --help prints before serve's flags, which are the
// command's flags when no subcommand is named.
const usage = `Usage:
  tencentcloud-emulator [serve] --world FILE [flags]
  tencentcloud-emulator schema
  tencentcloud-emulator record --out FILE [flags]

Serves the Tencent Cloud Organization API, STS and the CVM instance metadata
service from a world file, each on its own address, for offline plans and
policy tests.

Commands:
  serve    serve a world file; the default when the first argument is a flag
  schema   print the JSON Schema (draft 2020-12) of the world file
  record   write a snapshot of a real organization as a world file
           (tencentcloud-emulator record --help)

Once every service listens, serve prints one base URL per line:

  http://HOST:PORT            the Organization API (always the first line)
  sts: http://HOST:PORT       STS
  metadata: http://HOST:PORT  the CVM instance metadata service

and, with --ready-file, writes them to a file, one variable per line, which
a shell can source (set -a; . FILE) and GitHub Actions can append to
$GITHUB_ENV:

  TENCENTCLOUD_ORGANIZATION_ENDPOINT=http://HOST:PORT
  TENCENTCLOUD_STS_ENDPOINT=http://HOST:PORT
  TENCENTCLOUD_METADATA_ENDPOINT=http://HOST:PORT

It logs one line per request to stderr, and stops on SIGINT or SIGTERM.

Flags:
`

const usageExitStatus = `
Exit status: 0 once stopped by a signal, or after --help; 2 for a command
line it cannot run; 1 for any other failure.
`

const schemaUsage = `Usage: tencentcloud-emulator schema

Prints the JSON Schema (draft 2020-12) of the world file that serve --world
reads, for an editor to check and complete world files: name it in a world
file's "$schema" property, or in the editor's settings.
`
