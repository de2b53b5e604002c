// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"bufio"
	"net"
	"testing"
)

// ClosedURL is an endpoint that refuses every connection. It is port 1,
// which no test can listen on: a port freed by a closed test server is soon
// handed to another test's server running in parallel, whose answers would
// then take the dead endpoint for alive.
func ClosedURL(t *testing.T) string {
	t.Helper()
	const refused = "127.0.0.1:1"
	if c, err := net.Dial("tcp", refused); err == nil {
		c.Close()
		t.Fatalf("something listens on %s, which these tests need closed", refused)
	}
	return "http://" + refused
}

// ConnectProxy is the address of an HTTP proxy that answers every CONNECT
// with status, such as "502 Bad Gateway", as a corporate proxy does for a
// host it cannot reach.
func ConnectProxy(t *testing.T, status string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go answerConnect(c, status)
		}
	}()
	return ln.Addr().String()
}

// answerConnect reads a request's head and answers it with status.
func answerConnect(c net.Conn, status string) {
	defer c.Close()
	br := bufio.NewReader(c)
	for {
		line, err := br.ReadString('\n')
		if err != nil || line == "\r\n" {
			break
		}
	}
	_, _ = c.Write([]byte("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\n\r\n"))
}
