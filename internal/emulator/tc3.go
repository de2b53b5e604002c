// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// The emulator verifies signatures with its own implementation of
// TC3-HMAC-SHA256 rather than the SDK's, so that a signing bug in the SDK (or
// in how we drive it) cannot hide behind a matching bug in the verifier.

const tc3Algorithm = "TC3-HMAC-SHA256"

// canonicalRequest builds the TC3 canonical request. headers holds the
// signed headers' lowercase names and values in SignedHeaders order.
func canonicalRequest(method, query string, headers [][2]string, payload []byte) string {
	var canonicalHeaders, signedHeaders strings.Builder
	for i, h := range headers {
		canonicalHeaders.WriteString(h[0] + ":" + strings.TrimSpace(h[1]) + "\n")
		if i > 0 {
			signedHeaders.WriteByte(';')
		}
		signedHeaders.WriteString(h[0])
	}
	return strings.Join([]string{
		method,
		"/",
		query,
		canonicalHeaders.String(),
		signedHeaders.String(),
		sha256Hex(payload),
	}, "\n")
}

// credentialDate is the UTC date of a request timestamp, as the scope uses it.
func credentialDate(timestamp int64) string {
	return time.Unix(timestamp, 0).UTC().Format("2006-01-02")
}

func credentialScope(date, service string) string {
	return date + "/" + service + "/tc3_request"
}

func stringToSign(timestamp, scope, canonical string) string {
	return tc3Algorithm + "\n" + timestamp + "\n" + scope + "\n" + sha256Hex([]byte(canonical))
}

func signature(secretKey, date, service, toSign string) string {
	secretDate := hmacSHA256([]byte("TC3"+secretKey), date)
	secretService := hmacSHA256(secretDate, service)
	secretSigning := hmacSHA256(secretService, "tc3_request")
	return hex.EncodeToString(hmacSHA256(secretSigning, toSign))
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func hmacSHA256(key []byte, msg string) []byte {
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(msg))
	return mac.Sum(nil)
}

// authorization is a parsed TC3 Authorization header.
type authorization struct {
	SecretID      string
	Date          string
	Service       string
	SignedHeaders []string
	Signature     string
}

var errMalformedAuthorization = errors.New("the Authorization header is not of the form " +
	"\"TC3-HMAC-SHA256 Credential=<SecretId>/<Date>/<service>/tc3_request, SignedHeaders=<headers>, Signature=<hex>\"")

func parseAuthorization(header string) (authorization, error) {
	var auth authorization
	rest, ok := strings.CutPrefix(header, tc3Algorithm+" ")
	if !ok {
		return auth, errMalformedAuthorization
	}
	fields := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		key, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return auth, errMalformedAuthorization
		}
		fields[key] = value
	}
	scope := strings.Split(fields["Credential"], "/")
	if len(scope) != 4 || scope[0] == "" || scope[3] != "tc3_request" {
		return auth, errMalformedAuthorization
	}
	if fields["SignedHeaders"] == "" || fields["Signature"] == "" {
		return auth, errMalformedAuthorization
	}
	auth.SecretID, auth.Date, auth.Service = scope[0], scope[1], scope[2]
	auth.SignedHeaders = strings.Split(fields["SignedHeaders"], ";")
	auth.Signature = fields["Signature"]
	return auth, nil
}

// signatureMatches accepts the Host header as sent and, on a non-default
// port, the bare hostname, because official SDKs differ on which they sign.
func signatureMatches(r *http.Request, body []byte, auth authorization, timestamp int64, secretKey string) bool {
	hosts := []string{r.Host}
	if hostname, _, err := net.SplitHostPort(r.Host); err == nil {
		hosts = append(hosts, hostname)
	}
	scope := credentialScope(auth.Date, auth.Service)
	for _, host := range hosts {
		headers := make([][2]string, len(auth.SignedHeaders))
		for i, name := range auth.SignedHeaders {
			value := r.Header.Get(name)
			if name == "host" {
				value = host
			}
			headers[i] = [2]string{name, value}
		}
		canonical := canonicalRequest(r.Method, r.URL.RawQuery, headers, body)
		want := signature(secretKey, auth.Date, auth.Service, stringToSign(strconv.FormatInt(timestamp, 10), scope, canonical))
		if hmac.Equal([]byte(want), []byte(auth.Signature)) {
			return true
		}
	}
	return false
}
