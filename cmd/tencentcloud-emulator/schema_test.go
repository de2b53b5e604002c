// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

func TestSchemaPrintsTheWorldSchemaAsJSON(t *testing.T) {
	var stdout bytes.Buffer
	if err := run(context.Background(), []string{"schema"}, &stdout, io.Discard); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), emulator.WorldSchemaJSON()) {
		t.Errorf("printed something other than emulator.WorldSchemaJSON:\n%s", stdout.Bytes())
	}
	var schema map[string]any
	if err := json.Unmarshal(stdout.Bytes(), &schema); err != nil || schema["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("printed no draft 2020-12 schema: %v", err)
	}
}
