// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"flag"
	"log"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/encodedstate"
)

// version is set by the release build with -ldflags "-X main.version=...".
var version = "dev"

// The provider sets no heap limit and leaves GOGC at its default: a user's
// GOGC or GOMEMLIMIT applies as to any Go program. Reading a whole
// organization used to end in a burst of copies of every member while its
// state was built, and a soft 64 MiB limit kept the process small through
// it, but made the collector run without pause once the live heap neared
// the limit: provider CPU grew faster than the members (1.5 s at 1,000,
// 53 s at 10,000). State is now encoded one member at a time
// (internal/provider/emailbinds, encodedstate), so the live heap stays
// small: without a limit a plan of 1,000 members peaks at 35 MiB, of
// 10,000 at 82 MiB, of 20,000 at 128 MiB, with CPU linear in the members.
// The 64 MiB limit would save little (75 MiB at 10,000) and cost 22% more
// CPU at 20,000, more beyond. See DESIGN.md, "memory choice".

func main() {
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()

	// providerserver.Serve, but with the framework's server wrapped so
	// that a data source can hand over its state already encoded.
	var opts []tf6server.ServeOpt
	if debugMode {
		opts = append(opts, tf6server.WithManagedDebug())
	}
	err := tf6server.Serve("registry.terraform.io/tcorg/tencentcloud", func() tfprotov6.ProviderServer {
		return encodedstate.Wrap(providerserver.NewProtocol6(provider.New(version)())())
	}, opts...)
	if err != nil {
		log.Fatal(err.Error())
	}
}
