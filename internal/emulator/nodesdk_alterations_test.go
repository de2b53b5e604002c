// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator_test

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// A replay proves something only if the emulator verifies it: the signed
// requests, altered by one byte in the body, in a signed header or in the
// signature, are refused.
func TestANodeSDKRequestAlteredByOneByteIsRefused(t *testing.T) {
	type alteration struct {
		name    string
		body    func(string) string
		headers func([][2]string) [][2]string
		want    string
	}
	alterations := []alteration{
		{"one byte of the body", alterBody, nil, "AuthFailure.SignatureFailure"},
		{"one byte of the signed Host header", nil, alterHeader("Host", flipLastLetter), "AuthFailure.SignatureFailure"},
		{"one byte of the signature", nil, alterHeader("Authorization", flipLastHexDigit), "AuthFailure.SignatureFailure"},
		{"one byte of the SecretId", nil, alterHeader("Authorization", flipSecretID), "AuthFailure.SecretIdNotFound"},
		{"one second of X-TC-Timestamp", nil, alterHeader("X-TC-Timestamp", addOne), "AuthFailure.SignatureFailure"},
	}
	for _, action := range nodeSDKActions {
		if nodeSDKUnsigned[action] {
			continue
		}
		for _, alt := range alterations {
			t.Run(action+"/"+alt.name, func(t *testing.T) {
				g := loadGolden(t, action)
				_, endpoints := nodeSDKServer(t, g.Timestamp)
				body, headers := g.Request.Body, g.Request.Headers
				if alt.body != nil {
					body = alt.body(body)
				}
				if alt.headers != nil {
					headers = alt.headers(headers)
				}
				if body == g.Request.Body && fmt.Sprint(headers) == fmt.Sprint(g.Request.Headers) {
					t.Fatal("the alteration changed nothing")
				}
				response := replay(t, endpoints, g, body, headers)
				if code := apiErrorCode(response); code != alt.want {
					t.Errorf("altered %s: got %q, want %s", alt.name, code, alt.want)
				}
			})
		}
	}
}

// The unsigned exchanges are checked against the world instead: one byte
// of the token or assertion, and the exchange is refused.
func TestANodeSDKExchangeWithATokenOrAssertionAlteredByOneByteIsRefused(t *testing.T) {
	for action, want := range map[string]string{
		"AssumeRoleWithWebIdentity": "InvalidParameter.WebIdentityTokenError",
		"AssumeRoleWithSAML":        "InvalidParameter.ParamError",
	} {
		t.Run(action, func(t *testing.T) {
			g := loadGolden(t, action)
			_, endpoints := nodeSDKServer(t, g.Timestamp)
			var params map[string]any
			if err := json.Unmarshal([]byte(g.Request.Body), &params); err != nil {
				t.Fatal(err)
			}
			secret := "WebIdentityToken"
			if action == "AssumeRoleWithSAML" {
				secret = "SAMLAssertion"
			}
			value, ok := params[secret].(string)
			if !ok || value == "" {
				t.Fatalf("the capture sent no %s", secret)
			}
			body := strings.Replace(g.Request.Body, value, flipLastLetter(value), 1)
			response := replay(t, endpoints, g, body, g.Request.Headers)
			if code := apiErrorCode(response); code != want {
				t.Errorf("an altered %s: got %q, want %s", secret, code, want)
			}
		})
	}
}

// flipLastLetter changes the last ASCII letter of s to another letter.
func flipLastLetter(s string) string {
	b := []byte(s)
	for i := len(b) - 1; i >= 0; i-- {
		switch {
		case b[i] >= 'a' && b[i] < 'z', b[i] >= 'A' && b[i] < 'Z':
			b[i]++
			return string(b)
		case b[i] == 'z' || b[i] == 'Z':
			b[i]--
			return string(b)
		}
	}
	return s
}

// alterBody changes one letter of a body, or adds a space to one without
// letters ("{}"), which still means the same parameters.
func alterBody(body string) string {
	if altered := flipLastLetter(body); altered != body {
		return altered
	}
	return body + " "
}

// flipLastHexDigit changes the last character of a hex signature.
func flipLastHexDigit(s string) string {
	b := []byte(s)
	if b[len(b)-1] == '0' {
		b[len(b)-1] = '1'
	} else {
		b[len(b)-1] = '0'
	}
	return string(b)
}

// flipSecretID changes the last byte of the SecretId in an Authorization header.
func flipSecretID(s string) string {
	before, after, ok := strings.Cut(s, "/")
	if !ok {
		return s
	}
	return flipLastHexDigit(before) + "/" + after
}

func addOne(s string) string {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return s + "x"
	}
	return strconv.FormatInt(n+1, 10)
}

// alterHeader returns headers with the value of name changed by change.
func alterHeader(name string, change func(string) string) func([][2]string) [][2]string {
	return func(headers [][2]string) [][2]string {
		altered := make([][2]string, len(headers))
		for i, h := range headers {
			if strings.EqualFold(h[0], name) {
				h[1] = change(h[1])
			}
			altered[i] = h
		}
		return altered
	}
}
