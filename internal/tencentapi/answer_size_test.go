// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

func TestAnEndlessCompressedAnswerIsRefusedAtItsSizeNotReadUntilTheTimeout(t *testing.T) {
	endlessGzip := func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		// A gzip header, then empty stored blocks that never end: it
		// decodes to nothing, so only its compressed size can stop it.
		_, _ = w.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff})
		block := bytes.Repeat([]byte{0x00, 0x00, 0x00, 0xff, 0xff}, 1<<14)
		for r.Context().Err() == nil {
			if _, err := w.Write(block); err != nil {
				return
			}
		}
	}
	endpoint, _ := faultyServer(t, endlessGzip)
	client := testClient{tencentapi.NewClient("organization", tencentapi.Config{
		Credential: common.NewCredential("AKIDtest", "key"), Endpoint: endpoint, Timeout: 20 * time.Second,
	})}
	start := time.Now()
	_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeUnreadableResponse {
		t.Fatalf("err = %v; want an answer that could not be read", err)
	}
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the endless answer was read for %v; want it refused once it passed 1 MiB", took)
	}
}
