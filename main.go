// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"flag"
	"log"
	"os"
	"runtime/debug"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/encodedstate"
)

// version is set by the release build with -ldflags "-X main.version=...".
var version = "dev"

// memoryLimit is a soft limit for the Go heap. Reading a whole organization
// ends in a burst of short-lived garbage while the framework converts the
// result to state (hundreds of megabytes allocated for 1,000 members, with
// a live heap of about 45 MiB), and by default the heap may grow to twice
// the live size before it is collected. The limit makes the collector run
// sooner instead, so the provider stays small beside Terraform; it is soft,
// so a larger organization still reads, at some cost in GC time. A user's
// GOMEMLIMIT wins.
const memoryLimit = 64 << 20

func main() {
	var debugMode bool
	flag.BoolVar(&debugMode, "debug", false, "set to true to run the provider with support for debuggers like delve")
	flag.Parse()

	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}

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
