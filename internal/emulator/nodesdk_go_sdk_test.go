// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
)

// The Go SDK's common client, as the provider and any Go program sends
// them, gets every action the Node.js SDK was captured with answered, in
// the same world and with the same parameters.
func TestTheEmulatorAcceptsEveryActionFromTheGoSDKsCommonClient(t *testing.T) {
	for _, action := range nodeSDKActions {
		t.Run(action, func(t *testing.T) {
			g := loadGolden(t, action)
			world, err := os.ReadFile(filepath.Join(nodeSDKDir, "world.json"))
			if err != nil {
				t.Fatal(err)
			}
			var w struct {
				Credentials []struct {
					SecretID  string `json:"secret_id"`
					SecretKey string `json:"secret_key"`
					Token     string `json:"token"`
				} `json:"credentials"`
			}
			if err := json.Unmarshal(world, &w); err != nil {
				t.Fatal(err)
			}
			// The key the capture signed with, from its Authorization header.
			var cred *common.Credential
			for _, c := range w.Credentials {
				if strings.Contains(g.header("Authorization"), "Credential="+c.SecretID+"/") {
					cred = common.NewCredential(c.SecretID, c.SecretKey)
					if c.Token != "" {
						cred = common.NewTokenCredential(c.SecretID, c.SecretKey, c.Token)
					}
				}
			}
			params := integersOf(t, g.Request.Body)
			_, endpoints := nodeSDKServer(t, time.Now().Unix())
			var credIface common.CredentialIface
			if cred != nil {
				credIface = cred
			} else if !nodeSDKUnsigned[action] {
				t.Fatalf("no credential of world.json signed the capture of %s", action)
			}
			response, apiErr := send(t, endpoints.Of(g.service()), credIface, g.service(), g.header("X-TC-Region"), g.header("X-TC-Version"), action, params, nodeSDKUnsigned[action])
			if apiErr != nil {
				t.Fatalf("the emulator refused the Go SDK's %s: %v", action, apiErr)
			}
			if _, ok := response[nodeSDKAnswers[action]]; !ok {
				t.Errorf("the answer to %s has no %s: %v", action, nodeSDKAnswers[action], response)
			}
		})
	}
}

// integersOf decodes a JSON object with its whole numbers as int64, as the
// Go SDK's typed requests hold them (the common client would send a
// json.Number as a string).
func integersOf(t *testing.T, body string) map[string]any {
	t.Helper()
	var params map[string]any
	decoder := json.NewDecoder(strings.NewReader(body))
	decoder.UseNumber()
	if err := decoder.Decode(&params); err != nil {
		t.Fatal(err)
	}
	var convert func(v any) any
	convert = func(v any) any {
		switch v := v.(type) {
		case json.Number:
			n, err := v.Int64()
			if err != nil {
				t.Fatalf("%s is not a whole number", v)
			}
			return n
		case map[string]any:
			for k, e := range v {
				v[k] = convert(e)
			}
		case []any:
			for i, e := range v {
				v[i] = convert(e)
			}
		}
		return v
	}
	convert(params)
	return params
}
