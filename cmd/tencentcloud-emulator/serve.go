// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

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
	"strings"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// serveOptions are serve's flags.
type serveOptions struct {
	addresses map[string]*string // by service
	world     string
	readyFile string
	quiet     bool
}

// serveFlags defines serve's flags, with the usage --help prints.
func serveFlags() (*flag.FlagSet, *serveOptions) {
	flags := flag.NewFlagSet(command, flag.ContinueOnError)
	flags.Usage = func() {
		fmt.Fprint(flags.Output(), usage)
		flags.PrintDefaults()
		fmt.Fprint(flags.Output(), usageExitStatus)
	}
	o := &serveOptions{addresses: map[string]*string{
		emulator.ServiceOrganization: flags.String("listen", "127.0.0.1:0", "`address` of the Organization API; port 0 picks a free port"),
		emulator.ServiceSTS:          flags.String("sts-listen", "127.0.0.1:0", "`address` of STS"),
		emulator.ServiceMetadata:     flags.String("metadata-listen", "127.0.0.1:0", "`address` of the CVM instance metadata service"),
	}}
	flags.StringVar(&o.world, "world", "", "`path` of the world JSON file (required; see the schema command)")
	flags.StringVar(&o.readyFile, "ready-file", "", "once every service listens, write their URLs to `path`, as TENCENTCLOUD_*_ENDPOINT=URL lines (written atomically, removed on exit)")
	flags.BoolVar(&o.quiet, "quiet", false, "do not log one line per request")
	return flags, o
}

// runServe serves until ctx is done. It prints the base URLs to stdout once
// listening, and one line per request to stderr unless --quiet; those lines
// leave out web identity tokens, SAML assertions and MFA codes.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags, o := serveFlags()
	if err := parseFlags(flags, args, stdout, stderr); err != nil {
		return err
	}
	if o.world == "" {
		return usageErrorf(stderr, "--world is required")
	}
	// A ready file left by an earlier run would name an emulator that is
	// gone: remove it before anything can fail, so that a script waiting
	// for the file never reads a stale one.
	if o.readyFile != "" {
		removeReadyFile(o.readyFile, stderr)
	}
	world, err := emulator.LoadWorld(o.world)
	if err != nil {
		return err
	}
	srv := emulator.New(world)
	if !o.quiet {
		srv.Logf = log.New(stderr, "", log.LstdFlags).Printf
	}

	l, err := listen(o.addresses)
	if err != nil {
		return err
	}
	defer l.close()
	if o.readyFile != "" {
		if err := writeReadyFile(o.readyFile, l.urls); err != nil {
			return err
		}
		defer removeReadyFile(o.readyFile, stderr)
	}
	// One write, once every service listens: a script that reads the first
	// line may connect at once.
	if _, err := io.WriteString(stdout, l.printed()); err != nil {
		return err
	}
	return serve(ctx, srv, l)
}

// listening is every service's listener and base URL, in the order of
// emulator.Services.
type listening struct {
	services  []string
	listeners []net.Listener
	urls      map[string]string
}

// listen opens a listener for each service at its address, or none.
func listen(addresses map[string]*string) (*listening, error) {
	l := &listening{urls: map[string]string{}}
	for _, service := range emulator.Services() {
		listener, err := net.Listen("tcp", *addresses[service])
		if err != nil {
			l.close()
			return nil, fmt.Errorf("%s: %w", service, err)
		}
		l.services = append(l.services, service)
		l.listeners = append(l.listeners, listener)
		l.urls[service] = "http://" + listener.Addr().String()
	}
	return l, nil
}

func (l *listening) close() {
	for _, listener := range l.listeners {
		_ = listener.Close()
	}
}

// printed is what stdout shows: the bare Organization URL first, then the
// others labelled with their service.
func (l *listening) printed() string {
	var b strings.Builder
	for _, service := range l.services {
		if service != emulator.ServiceOrganization {
			b.WriteString(service + ": ")
		}
		b.WriteString(l.urls[service] + "\n")
	}
	return b.String()
}

// serve runs each service's server until ctx is done or one of them fails,
// then shuts them all down.
func serve(ctx context.Context, srv *emulator.Server, l *listening) error {
	failed := make(chan error, len(l.services))
	var servers []*http.Server
	for i, service := range l.services {
		s := &http.Server{Handler: srv.Handler(service), ReadHeaderTimeout: 10 * time.Second}
		servers = append(servers, s)
		go func() { failed <- s.Serve(l.listeners[i]) }()
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
