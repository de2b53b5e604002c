// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// apiHandler is one service's API 3.0 endpoint: it serves that service's
// actions and refuses every other, as organization.tencentcloudapi.com
// refuses AssumeRole.
type apiHandler struct {
	s       *Server
	service string
}

func (h apiHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s := h.s
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return
	}
	// The body is read first: until it is, the HTTP server does not notice a
	// client that hangs up, and the arrival delay could not be cut short.
	if !s.arrive(r.Context()) {
		return
	}
	params, paramsErr := decodeParams(r, body)
	rec := Request{
		Service:       h.service,
		Time:          s.Now(),
		Action:        r.Header.Get("X-TC-Action"),
		Version:       r.Header.Get("X-TC-Version"),
		Region:        r.Header.Get("X-TC-Region"),
		RequestClient: r.Header.Get("X-TC-RequestClient"),
		HasToken:      r.Header.Get("X-TC-Token") != "",
		RequestID:     newRequestID(),
		Params:        params,
		MemberUin:     memberUinParam(params),
	}
	if s.BeforeRequest != nil {
		s.hookMu.Lock()
		s.BeforeRequest(rec.Action, rec.Params)
		s.hookMu.Unlock()
	}
	// A fault that answers as the API does (an error code, a throttle)
	// comes only where the API itself would answer: at the action's own
	// endpoint, for a caller it has authenticated. Faults of the network
	// and gateways come whatever the request.
	answerable := func() bool {
		probe := rec
		if checkCommonParameters(h.service, &probe) != nil {
			return false
		}
		_, apiErr := s.authenticateCaller(r, body, h.service, &probe)
		return apiErr == nil
	}
	if s.fail(w, r, rec, answerable) {
		return
	}
	fields, apiErr := h.handle(r, body, paramsErr, &rec)

	envelope := map[string]any{"RequestId": rec.RequestID}
	if apiErr != nil {
		rec.ErrorCode = apiErr.Code
		envelope["Error"] = apiErr
	} else {
		for name, value := range fields {
			envelope[name] = value
		}
	}
	s.record(rec)

	w.Header().Set("X-TC-RequestId", rec.RequestID)
	writeJSON(w, map[string]any{"Response": envelope})
}

// handle answers a request that got no fault. paramsErr is why the body
// could not be read as parameters, reported only once the caller is known.
func (h apiHandler) handle(r *http.Request, body []byte, paramsErr error, rec *Request) (map[string]json.RawMessage, *apiError) {
	s := h.s
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		return nil, errorf("UnsupportedProtocol", "The HTTP method %s is not supported; use POST or GET.", r.Method)
	}
	if len(body) > maxBodyBytes {
		return nil, errorf("RequestSizeLimitExceeded", "The request body exceeds %d bytes.", maxBodyBytes)
	}
	if apiErr := checkCommonParameters(h.service, rec); apiErr != nil {
		return nil, apiErr
	}
	cred, apiErr := s.authenticateCaller(r, body, h.service, rec)
	if cred.SecretID != "" {
		rec.SecretID = cred.SecretID
	}
	if apiErr != nil {
		return nil, apiErr
	}
	uin := s.budgetUin(cred, rec)
	if !s.allow(uin, rec.Action) {
		return nil, errorf(throttleCode(rec.Action),
			"Your request rate exceeds the frequency limit of %d requests per second for this account (uin %d). Please reduce the frequency of calls.",
			s.world.rateLimit(), uin)
	}
	if apiErr := checkContentType(r); apiErr != nil {
		return nil, apiErr
	}
	if paramsErr != nil {
		return nil, errorf("InvalidParameter", "The request body is not a JSON object: %s", paramsErr)
	}
	if apiErr := checkParams(rec.Action, rec.Params); apiErr != nil {
		return nil, apiErr
	}
	return actions[rec.Action].serve(s, cred, rec.Params)
}

// checkCommonParameters checks the action, version and region headers
// against what the endpoint's service serves.
func checkCommonParameters(service string, rec *Request) *apiError {
	known, ok := actions[rec.Action]
	switch {
	case rec.Action == "":
		return errorf("MissingParameter", "The request is missing the required parameter `Action` (header X-TC-Action).")
	case !ok || known.service != service:
		// The real endpoints know only their own service's actions, so an
		// action sent to the wrong endpoint does not exist there.
		return errorf("InvalidAction", "The action `%s` does not exist at this endpoint, which serves the %s API.", rec.Action, service)
	case rec.Version == "":
		return errorf("MissingParameter", "The request is missing the required parameter `Version` (header X-TC-Version).")
	case rec.Version != known.version:
		return errorf("NoSuchVersion", "The version `%s` of action `%s` does not exist; use `%s`.", rec.Version, rec.Action, known.version)
	case known.regionRequired && rec.Region == "":
		return errorf("MissingParameter", "The request is missing the required parameter `Region` (header X-TC-Region), which action `%s` requires.", rec.Action)
	case rec.Region != "" && !slices.Contains(regions, rec.Region):
		return errorf("UnsupportedRegion", "The region `%s` (header X-TC-Region) is not supported; send one such as `ap-guangzhou`, or none where the action needs none.", rec.Region)
	}
	return nil
}

// regions are the region IDs a request may name in X-TC-Region: those of
// the SDK's regions package (tencentcloud/common/regions).
var regions = []string{
	"ap-bangkok", "ap-beijing", "ap-chengdu", "ap-chongqing", "ap-guangzhou", "ap-guangzhou-open",
	"ap-hongkong", "ap-jakarta", "ap-mumbai", "ap-nanjing", "ap-seoul", "ap-shanghai", "ap-shanghai-fsi",
	"ap-shenzhen-fsi", "ap-singapore", "ap-tokyo", "eu-frankfurt", "eu-moscow", "na-ashburn",
	"na-siliconvalley", "na-toronto", "sa-saopaulo",
}

// authenticate verifies the TC3 signature. It returns the credential whenever
// the SecretId is known, so that failures can still be attributed to a key.
func (s *Server) authenticate(r *http.Request, body []byte, service string) (Credential, *apiError) {
	header := r.Header.Get("Authorization")
	if header == "" {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "The request has no Authorization header.")
	}
	auth, err := parseAuthorization(header)
	if err != nil {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "%s", err)
	}
	timestamp, apiErr := s.checkTimestamp(r)
	if apiErr != nil {
		return Credential{}, apiErr
	}
	now := s.Now()
	if auth.Service != service {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "The credential scope names service `%s`, but this is `%s`.", auth.Service, service)
	}
	if auth.Date != credentialDate(timestamp) {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "The credential scope date %s is not the UTC date of X-TC-Timestamp.", auth.Date)
	}
	if apiErr := checkSignedHeaders(r, auth.SignedHeaders); apiErr != nil {
		return Credential{}, apiErr
	}
	s.mu.Lock()
	cred, known := s.credentials[auth.SecretID]
	s.mu.Unlock()
	if !known {
		return Credential{}, errorf("AuthFailure.SecretIdNotFound", "The SecretId is not found; make sure it is correct and enabled.")
	}
	if !signatureMatches(r, body, auth, timestamp, cred.SecretKey) {
		return cred, errorf("AuthFailure.SignatureFailure", "The request signature does not match; check the SecretKey and the signing method.")
	}
	if r.Header.Get("X-TC-Token") != cred.Token {
		return cred, errorf("AuthFailure.TokenFailure", "The security token is invalid or does not belong to this temporary SecretId.")
	}
	if !cred.Expires.IsZero() && !now.Before(cred.Expires) {
		return cred, errorf("AuthFailure.TokenFailure", "The temporary credential expired at %s.", cred.Expires.UTC().Format(time.RFC3339))
	}
	return cred, nil
}

// checkContentType refuses a Content-Type other than what the SDKs send:
// JSON for a POST's body, and for a GET, which has none, exactly
// application/x-www-form-urlencoded, as the spec's GET vector has it.
func checkContentType(r *http.Request) *apiError {
	value := r.Header.Get("Content-Type")
	switch {
	case r.Method == http.MethodPost && !isJSONContentType(value):
		return errorf("InvalidRequest", "POST requests must have Content-Type application/json (optionally with charset=utf-8), not %q.", value)
	case r.Method == http.MethodGet && !isFormContentType(value):
		return errorf("InvalidRequest", "GET requests must have Content-Type application/x-www-form-urlencoded, not %q.", value)
	}
	return nil
}

// checkSignedHeaders holds SignedHeaders to what TC3 signs: content-type
// and host at least, lowercase, sorted, each once, and each a header the
// request carries, since a signature over a header never sent proves
// nothing about it. Go keeps Host out of r.Header; every request has one.
func checkSignedHeaders(r *http.Request, signed []string) *apiError {
	list := strings.Join(signed, ";")
	if !slices.Contains(signed, "content-type") || !slices.Contains(signed, "host") {
		return errorf("AuthFailure.InvalidAuthorization", "SignedHeaders must include content-type and host.")
	}
	if !slices.IsSorted(signed) || len(slices.Compact(slices.Clone(signed))) != len(signed) || strings.ToLower(list) != list {
		return errorf("AuthFailure.InvalidAuthorization", "SignedHeaders %q must be lowercase header names, sorted, each once.", list)
	}
	for _, name := range signed {
		if _, sent := r.Header[http.CanonicalHeaderKey(name)]; !sent && name != "host" {
			return errorf("AuthFailure.InvalidAuthorization", "SignedHeaders names %s, which the request does not carry.", name)
		}
	}
	return nil
}

// isFormContentType accepts the media type application/x-www-form-urlencoded
// with no parameter: a GET has no body whose charset could matter.
func isFormContentType(value string) bool {
	mediaType, params, err := mime.ParseMediaType(value)
	return err == nil && mediaType == "application/x-www-form-urlencoded" && len(params) == 0
}

// isJSONContentType accepts what the SDKs send with a JSON body:
// application/json, with no parameter but charset=utf-8.
func isJSONContentType(value string) bool {
	mediaType, params, err := mime.ParseMediaType(value)
	if err != nil || mediaType != "application/json" {
		return false
	}
	for name, v := range params {
		if name != "charset" || !strings.EqualFold(v, "utf-8") {
			return false
		}
	}
	return true
}

// checkTimestamp reads X-TC-Timestamp, which must be near the server's
// clock whether or not the request is signed.
func (s *Server) checkTimestamp(r *http.Request) (int64, *apiError) {
	timestamp, err := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		return 0, errorf("AuthFailure.InvalidAuthorization", "X-TC-Timestamp must be the request time in Unix seconds.")
	}
	now := s.Now()
	if skew := now.Sub(time.Unix(timestamp, 0)); skew > maxClockSkew || skew < -maxClockSkew {
		return 0, errorf("AuthFailure.SignatureExpire",
			"The request timestamp %d is more than %d seconds away from the server time %d.", timestamp, int(maxClockSkew.Seconds()), now.Unix())
	}
	return timestamp, nil
}

// decodeParams returns each business parameter's raw value: JSON text for
// POST bodies, the query value for GET.
func decodeParams(r *http.Request, body []byte) (map[string]string, error) {
	params := map[string]string{}
	if r.Method == http.MethodGet {
		return queryParams(r.URL.Query(), r.Header.Get("X-TC-Action")), nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, err
	}
	if raw == nil {
		// JSON null decodes without error into no map at all.
		return nil, errors.New("the body is null")
	}
	for name, value := range raw {
		params[name] = string(value)
	}
	return params, nil
}
