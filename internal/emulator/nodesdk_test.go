// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// The official Node.js SDK's requests, captured by
// testdata/nodesdk/capture.js (make nodesdk-capture) against the world in
// testdata/nodesdk/world.json, and replayed here byte for byte, so make
// test checks that the emulator serves the Node.js SDK without Node.js.

const nodeSDKDir = "testdata/nodesdk"

// nodeSDKActions are the actions the provider calls, each captured once.
var nodeSDKActions = []string{
	"DescribeOrganizationMembers",
	"DescribeOrganizationMemberEmailBind",
	"AssumeRole",
	"AssumeRoleWithWebIdentity",
	"AssumeRoleWithSAML",
	"GetSessionToken",
	"GetCallerIdentity",
}

// nodeSDKUnsigned are the exchanges the Node.js SDK sends with
// Authorization: SKIP (its generic request with { skipSign: true }).
var nodeSDKUnsigned = map[string]bool{"AssumeRoleWithWebIdentity": true, "AssumeRoleWithSAML": true}

// nodeSDKAnswers names, for each action, a field its successful answer holds.
var nodeSDKAnswers = map[string]string{
	"DescribeOrganizationMembers":         "Items",
	"DescribeOrganizationMemberEmailBind": "BindStatus",
	"AssumeRole":                          "Credentials",
	"AssumeRoleWithWebIdentity":           "Credentials",
	"AssumeRoleWithSAML":                  "Credentials",
	"GetSessionToken":                     "Credentials",
	"GetCallerIdentity":                   "AccountId",
}

// goldenRequest is one request exactly as the Node.js SDK sent it.
type goldenRequest struct {
	Action    string   `json:"action"`
	SDK       []string `json:"sdk"`
	Note      string   `json:"note"`
	Timestamp int64    `json:"timestamp"`
	Request   struct {
		Method  string      `json:"method"`
		Path    string      `json:"path"`
		Headers [][2]string `json:"headers"`
		Body    string      `json:"body"`
	} `json:"request"`
}

func loadGolden(t *testing.T, action string) goldenRequest {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(nodeSDKDir, "requests", action+".json"))
	if err != nil {
		t.Fatalf("%v (regenerate the golden requests with make nodesdk-capture)", err)
	}
	var g goldenRequest
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	if g.Action != action {
		t.Fatalf("%s.json holds a capture of %s", action, g.Action)
	}
	if stamp := g.header("X-TC-Timestamp"); stamp != strconv.FormatInt(g.Timestamp, 10) {
		t.Fatalf("%s.json: timestamp %d, but the request's X-TC-Timestamp is %q", action, g.Timestamp, stamp)
	}
	return g
}

// header is the value of the request's header name, or "".
func (g goldenRequest) header(name string) string {
	for _, h := range g.Request.Headers {
		if strings.EqualFold(h[0], name) {
			return h[1]
		}
	}
	return ""
}

// service is the emulator service the request was sent to, named as the SDK
// names it in the credential scope: the first label of its host.
func (g goldenRequest) service() string {
	service, _, _ := strings.Cut(g.header("Host"), ".")
	return service
}

// nodeSDKServer serves the capture's world with its clock at the capture's
// timestamp, as if the request had just been signed, and returns the server
// and its endpoints.
func nodeSDKServer(t *testing.T, timestamp int64) (*emulator.Server, acctest.Endpoints) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(nodeSDKDir, "world.json"))
	if err != nil {
		t.Fatal(err)
	}
	srv, endpoints := acctest.StartEmulator(t, string(data))
	srv.Now = func() time.Time { return time.Unix(timestamp, 0) }
	return srv, endpoints
}

// replay sends g's request to its service exactly as captured: method,
// path, every header by its name as sent (Host included) and the body. It
// returns the answer's Response object.
func replay(t *testing.T, endpoints acctest.Endpoints, g goldenRequest, body string, headers [][2]string) map[string]any {
	t.Helper()
	if !slices.Contains(emulator.Services(), g.service()) {
		t.Fatalf("%s was sent to host %q, which is no emulator service", g.Action, g.header("Host"))
	}
	base := endpoints.Of(g.service())
	req, err := http.NewRequest(g.Request.Method, base+g.Request.Path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range headers {
		switch {
		case strings.EqualFold(h[0], "Host"):
			req.Host = h[1]
		case strings.EqualFold(h[0], "Content-Length"):
			// Go's transport writes the length of the body sent.
			if h[1] != strconv.Itoa(len(g.Request.Body)) {
				t.Fatalf("%s: Content-Length %s for a body of %d bytes", g.Action, h[1], len(g.Request.Body))
			}
		case strings.EqualFold(h[0], "Connection"):
			req.Close = strings.EqualFold(h[1], "close")
		default:
			// The name as the SDK sent it, not canonicalized.
			req.Header[h[0]] = append(req.Header[h[0]], h[1])
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s: HTTP %d: %s", g.Action, resp.StatusCode, answer)
	}
	if encoding := resp.Header.Get("Content-Encoding"); encoding != "" {
		t.Fatalf("%s: an answer in Content-Encoding %q, which the replay does not decode", g.Action, encoding)
	}
	return decodeResponse(t, answer)
}

// apiErrorCode is the Response's error code, or "" for a success.
func apiErrorCode(response map[string]any) string {
	apiErr, _ := response["Error"].(map[string]any)
	code, _ := apiErr["Code"].(string)
	if apiErr != nil && code == "" {
		return fmt.Sprintf("an error without a code: %v", apiErr)
	}
	return code
}

func TestTheNodeSDKsCapturedRequestsAreAllThereAndFromThePinnedVersions(t *testing.T) {
	pinned := []string{"tencentcloud-sdk-nodejs-common@4.1.220", "tencentcloud-sdk-nodejs-sts@4.1.100"}
	for _, action := range nodeSDKActions {
		g := loadGolden(t, action)
		if strings.Join(g.SDK, " ") != strings.Join(pinned, " ") {
			t.Errorf("%s was captured with %v, not the pinned %v: run make nodesdk-capture", action, g.SDK, pinned)
		}
		if g.header("X-TC-RequestClient") != "SDK_NODEJS_4.1.220" {
			t.Errorf("%s: X-TC-RequestClient %q is not the Node.js SDK's", action, g.header("X-TC-RequestClient"))
		}
	}
}

func TestTheEmulatorAcceptsEveryRequestTheNodeSDKSends(t *testing.T) {
	for _, action := range nodeSDKActions {
		t.Run(action, func(t *testing.T) {
			g := loadGolden(t, action)
			srv, endpoints := nodeSDKServer(t, g.Timestamp)
			response := replay(t, endpoints, g, g.Request.Body, g.Request.Headers)
			if code := apiErrorCode(response); code != "" {
				t.Fatalf("the emulator refused the Node.js SDK's %s (%s): %v", action, g.Note, response["Error"])
			}
			if _, ok := response[nodeSDKAnswers[action]]; !ok {
				t.Errorf("the answer to %s has no %s: %v", action, nodeSDKAnswers[action], response)
			}
			requests := srv.Requests()
			if len(requests) != 1 {
				t.Fatalf("the emulator saw %d requests, want 1", len(requests))
			}
			seen := requests[0]
			if seen.Action != action || seen.RequestClient != "SDK_NODEJS_4.1.220" {
				t.Errorf("the emulator saw %s from %q", seen.Action, seen.RequestClient)
			}
			if seen.Unsigned != nodeSDKUnsigned[action] {
				t.Errorf("the emulator saw %s unsigned=%t, want %t", action, seen.Unsigned, nodeSDKUnsigned[action])
			}
		})
	}
}

// The filter and paging the Node.js SDK sent were read, not ignored: only
// the member whose name matches SearchKey is listed.
func TestTheNodeSDKsMemberListingIsFilteredByItsSearchKey(t *testing.T) {
	g := loadGolden(t, "DescribeOrganizationMembers")
	_, endpoints := nodeSDKServer(t, g.Timestamp)
	response := replay(t, endpoints, g, g.Request.Body, g.Request.Headers)
	items, _ := response["Items"].([]any)
	if len(items) != 1 || response["Total"] != json.Number("1") {
		t.Fatalf("SearchKey audit listed %d members, Total %v; want the one audit-team member", len(items), response["Total"])
	}
	if member, _ := items[0].(map[string]any); member["MemberUin"] != json.Number("100033118139") {
		t.Errorf("SearchKey audit listed member %v", items[0])
	}
}
