// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"golang.org/x/net/http2"
	"golang.org/x/net/http2/hpack"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// refusingHTTP2Server answers the first request body it receives with
// RST_STREAM(PROTOCOL_ERROR), after which Go's HTTP/2 client sends the
// request again by itself if it can rewind the body, and every later one
// with okBody. It counts the bodies received.
func refusingHTTP2Server(t *testing.T) (*url.URL, *http.Transport, *atomic.Int32) {
	t.Helper()
	certServer := httptest.NewUnstartedServer(nil)
	certServer.StartTLS()
	certs := certServer.TLS.Certificates
	base, ok := certServer.Client().Transport.(*http.Transport)
	if !ok {
		t.Fatalf("httptest's client transport is a %T", certServer.Client().Transport)
	}
	transport := base.Clone()
	certServer.Close()
	transport.ForceAttemptHTTP2 = true
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: certs, NextProtos: []string{"h2"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ln.Close() })
	var bodies atomic.Int32
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go serveHTTP2(conn, &bodies)
		}
	}()
	u, _ := url.Parse("https://" + ln.Addr().String())
	return u, transport, &bodies
}

func serveHTTP2(conn net.Conn, bodies *atomic.Int32) {
	defer conn.Close()
	if _, err := io.ReadFull(conn, make([]byte, len(http2.ClientPreface))); err != nil {
		return
	}
	framer := http2.NewFramer(conn, conn)
	_ = framer.WriteSettings()
	var headers bytes.Buffer
	encoder := hpack.NewEncoder(&headers)
	for {
		frame, err := framer.ReadFrame()
		if err != nil {
			return
		}
		switch f := frame.(type) {
		case *http2.SettingsFrame:
			if !f.IsAck() {
				_ = framer.WriteSettingsAck()
			}
		case *http2.DataFrame:
			if !f.StreamEnded() {
				continue
			}
			if bodies.Add(1) == 1 {
				_ = framer.WriteRSTStream(f.StreamID, http2.ErrCodeProtocol)
				continue
			}
			headers.Reset()
			_ = encoder.WriteField(hpack.HeaderField{Name: ":status", Value: "200"})
			_ = encoder.WriteField(hpack.HeaderField{Name: "content-type", Value: "application/json"})
			_ = framer.WriteHeaders(http2.HeadersFrameParam{StreamID: f.StreamID, BlockFragment: headers.Bytes(), EndHeaders: true})
			_ = framer.WriteData(f.StreamID, true, []byte(okBody))
		}
	}
}

func TestGoHTTP2ClientNeverSendsARequestCarryingACodeASecondTimeByItself(t *testing.T) {
	endpoint, transport, bodies := refusingHTTP2Server(t)
	client := tencentapi.NewClient("sts", tencentapi.Config{
		Credential: common.NewCredential("AKIDbase", "base-key"), Endpoint: endpoint, MaxRetries: 3, Transport: transport, Timeout: 3 * time.Second,
	})
	memberUin := int64(1)
	request := codeRequest{&testRequest{BaseRequest: &tchttp.BaseRequest{}, MemberUin: &memberUin}}
	request.Init().WithApiInfo("sts", "2018-08-13", "GetSessionToken")
	err := client.Call(context.Background(), request, &testResponse{BaseResponse: &tchttp.BaseResponse{}})
	if err == nil || bodies.Load() != 1 {
		t.Errorf("err = %v after the server received the request %d times; want a failure after one, since the code may have been spent", err, bodies.Load())
	}
}
