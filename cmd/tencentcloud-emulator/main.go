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
// TENCENTCLOUD_METADATA_ENDPOINT.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		return // --help printed the usage; asking for it is not a failure
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tencentcloud-emulator:", err)
		stop()
		os.Exit(1)
	}
}

const usage = `Usage: tencentcloud-emulator --world FILE [flags]

Serves the Organization API, STS and the CVM instance metadata service from
a world file, each on its own address. Once listening it prints, one per line:

  http://HOST:PORT            the Organization API (always the first line)
  sts: http://HOST:PORT       STS
  metadata: http://HOST:PORT  the CVM instance metadata service

Flags:
`

// run serves until ctx is done. It prints the base URLs to stdout once
// listening, and one line per request to stderr unless --quiet; those lines
// leave out web identity tokens, SAML assertions and MFA codes.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("tencentcloud-emulator", flag.ContinueOnError)
	flags.SetOutput(stderr)
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), usage)
		flags.PrintDefaults()
	}
	addresses := map[string]*string{
		emulator.ServiceOrganization: flags.String("listen", "127.0.0.1:0", "address of the Organization API; port 0 picks a free port"),
		emulator.ServiceSTS:          flags.String("sts-listen", "127.0.0.1:0", "address of STS"),
		emulator.ServiceMetadata:     flags.String("metadata-listen", "127.0.0.1:0", "address of the CVM instance metadata service"),
	}
	worldPath := flags.String("world", "", "path of the world JSON file (required)")
	quiet := flags.Bool("quiet", false, "do not log one line per request")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if *worldPath == "" {
		return errors.New("--world is required")
	}

	world, err := emulator.LoadWorld(*worldPath)
	if err != nil {
		return err
	}
	srv := emulator.New(world)
	if !*quiet {
		srv.Logf = log.New(stderr, "", log.LstdFlags).Printf
	}

	var servers []*http.Server
	var listeners []net.Listener
	var urls strings.Builder
	defer func() {
		for _, l := range listeners {
			_ = l.Close()
		}
	}()
	for _, service := range emulator.Services() {
		listener, err := net.Listen("tcp", *addresses[service])
		if err != nil {
			return fmt.Errorf("%s: %w", service, err)
		}
		listeners = append(listeners, listener)
		servers = append(servers, &http.Server{Handler: srv.Handler(service), ReadHeaderTimeout: 10 * time.Second})
		if service != emulator.ServiceOrganization {
			urls.WriteString(service + ": ")
		}
		fmt.Fprintf(&urls, "http://%s\n", listener.Addr())
	}
	// One write, once every service listens: a script that reads the first
	// line may connect at once.
	if _, err := io.WriteString(stdout, urls.String()); err != nil {
		return err
	}
	return serve(ctx, servers, listeners)
}

// serve runs every server until ctx is done or one of them fails, then
// shuts them all down.
func serve(ctx context.Context, servers []*http.Server, listeners []net.Listener) error {
	failed := make(chan error, len(servers))
	for i, s := range servers {
		go func() { failed <- s.Serve(listeners[i]) }()
	}
	var err error
	select {
	case <-ctx.Done():
	case err = <-failed:
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	for _, s := range servers {
		_ = s.Shutdown(shutdownCtx)
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
