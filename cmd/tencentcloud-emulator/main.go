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
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on; port 0 picks a free port")
	worldPath := flag.String("world", "", "path of the world JSON file (required)")
	quiet := flag.Bool("quiet", false, "do not log one line per request")
	flag.Parse()

	if err := run(*listen, *worldPath, *quiet); err != nil {
		fmt.Fprintln(os.Stderr, "tencentcloud-emulator:", err)
		os.Exit(1)
	}
}

func run(listen, worldPath string, quiet bool) error {
	if worldPath == "" {
		return errors.New("--world is required")
	}
	world, err := emulator.LoadWorld(worldPath)
	if err != nil {
		return err
	}
	srv := emulator.New(world)
	if !quiet {
		srv.Logf = log.New(os.Stderr, "", log.LstdFlags).Printf
	}

	listener, err := net.Listen("tcp", listen)
	if err != nil {
		return err
	}
	fmt.Printf("http://%s\n", listener.Addr())

	httpServer := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
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
