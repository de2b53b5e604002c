// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Command tencentcloud-emulator serves the Tencent Cloud Organization API
// from a world file, for offline plans and policy tests:
//
//	tencentcloud-emulator --listen 127.0.0.1:0 --world world.json
//
// The first line it prints is the base URL to use as the provider's
// endpoints.organization (or TENCENTCLOUD_ORGANIZATION_ENDPOINT).
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
	"syscall"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "tencentcloud-emulator:", err)
		stop()
		os.Exit(1)
	}
}

// run serves until ctx is done. It prints the base URL to stdout once
// listening, and one line per request to stderr unless --quiet.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	flags := flag.NewFlagSet("tencentcloud-emulator", flag.ContinueOnError)
	flags.SetOutput(stderr)
	listen := flags.String("listen", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
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

	listener, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "http://%s\n", listener.Addr())

	httpServer := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = httpServer.Shutdown(shutdownCtx)
	}()
	if err := httpServer.Serve(listener); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
