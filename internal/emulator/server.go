// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package emulator is a local implementation of the Tencent Cloud
// Organization API (2021-03-31) for DescribeOrganizationMemberEmailBind and
// DescribeOrganizationMembers, with the STS AssumeRole and CVM metadata
// credentials a client may call it with. It speaks API 3.0 as the real
// service does (TC3-HMAC-SHA256 signatures, the Response envelope, the
// documented error codes and rate limit), so any Tencent Cloud client can be
// pointed at it for offline plans and tests.
package emulator

import (
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	actionEmailBind  = "DescribeOrganizationMemberEmailBind"
	actionMembers    = "DescribeOrganizationMembers"
	actionAssumeRole = "AssumeRole"
)

// actions are the API actions served: the service and version each belongs
// to, and what answers an authenticated request from its parameters.
var actions = map[string]struct {
	service, version string
	serve            func(s *Server, caller Credential, params map[string]string) (map[string]json.RawMessage, *apiError)
}{
	actionEmailBind:  {"organization", "2021-03-31", (*Server).describeOrganizationMemberEmailBind},
	actionMembers:    {"organization", "2021-03-31", (*Server).describeOrganizationMembers},
	actionAssumeRole: {"sts", "2018-08-13", (*Server).assumeRole},
}

const (
	// maxClockSkew is how far X-TC-Timestamp may be from the server's clock.
	maxClockSkew = 5 * time.Minute

	maxBodyBytes = 1 << 20
)

// Request is what the emulator saw of one call, for tests and logs. It holds
// no secret: the SecretId identifies a key but does not grant anything.
type Request struct {
	Action        string
	Version       string
	Region        string
	RequestClient string
	SecretID      string
	HasToken      bool
	// Params are the business parameters as sent: raw JSON values from a
	// POST body, query values from a GET.
	Params    map[string]string
	MemberUin int64
	// ErrorCode is the API error returned, or "Fault.<kind>" for an injected fault.
	ErrorCode string
	RequestID string
	Time      time.Time
}

// Server answers API requests from a World. It is safe for concurrent use.
type Server struct {
	// Now is the server's clock; tests replace it to provoke signature expiry.
	Now func() time.Time
	// Logf, when set, receives one line per request.
	Logf func(format string, args ...any)

	// world's organizations, and their members, are guarded by mu: faults
	// make members join and leave while clients read.
	world World

	mu              sync.Mutex
	orgOfUin        map[int64]*Organization
	credentials     map[string]Credential
	windows         map[string]*rateWindow
	faultsLeft      []int
	pagesServed     int
	requests        []Request
	assumeRoleCalls []AssumeRoleCall
}

// New returns a server for a world that has passed Validate.
func New(world World) *Server {
	// Membership changes at run time must not reach the caller's World,
	// which may start other servers.
	world.Organizations = slices.Clone(world.Organizations)
	for i := range world.Organizations {
		world.Organizations[i].Members = slices.Clone(world.Organizations[i].Members)
	}
	s := &Server{
		Now:         time.Now,
		world:       world,
		credentials: map[string]Credential{},
		orgOfUin:    map[int64]*Organization{},
		windows:     map[string]*rateWindow{},
		faultsLeft:  make([]int, len(world.Faults)),
	}
	for i, f := range world.Faults {
		s.faultsLeft[i] = f.Count
	}
	for _, c := range world.Credentials {
		s.credentials[c.SecretID] = c
	}
	for i := range world.Organizations {
		org := &world.Organizations[i]
		s.orgOfUin[org.AdminUin] = org
		for _, m := range org.Members {
			s.orgOfUin[m.MemberUin] = org
		}
	}
	return s
}

// Requests returns a copy of every request served so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

type apiError struct {
	Code    string `json:"Code"`
	Message string `json:"Message"`
}

func errorf(code, format string, args ...any) *apiError {
	return &apiError{Code: code, Message: fmt.Sprintf(format, args...)}
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, metadataPath) {
		s.serveMetadata(w, r)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBodyBytes+1))
	if err != nil {
		return
	}
	params, paramsErr := decodeParams(r, body)
	rec := Request{
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
	if s.fail(w, r, rec) {
		return
	}
	fields, apiErr := s.handle(r, body, paramsErr, &rec)

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

func (s *Server) record(rec Request) {
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
	if s.Logf != nil {
		result := rec.ErrorCode
		if result == "" {
			result = "OK"
		}
		var params strings.Builder
		for _, name := range slices.Sorted(maps.Keys(rec.Params)) {
			params.WriteString(" " + name + "=" + rec.Params[name])
		}
		s.Logf("%s%s -> %s RequestId=%s", rec.Action, params.String(), result, rec.RequestID)
	}
}

// handle answers a request that got no fault. paramsErr is why the body
// could not be read as parameters, reported only once the caller is known.
func (s *Server) handle(r *http.Request, body []byte, paramsErr error, rec *Request) (map[string]json.RawMessage, *apiError) {
	if r.Method != http.MethodPost && r.Method != http.MethodGet {
		return nil, errorf("UnsupportedProtocol", "The HTTP method %s is not supported; use POST or GET.", r.Method)
	}
	if len(body) > maxBodyBytes {
		return nil, errorf("RequestSizeLimitExceeded", "The request body exceeds %d bytes.", maxBodyBytes)
	}
	if apiErr := checkActionAndVersion(rec.Action, rec.Version); apiErr != nil {
		return nil, apiErr
	}
	cred, apiErr := s.authenticate(r, body, actions[rec.Action].service)
	if cred.SecretID != "" {
		rec.SecretID = cred.SecretID
	}
	if apiErr != nil {
		return nil, apiErr
	}
	if !s.allow(cred.SecretID + "/" + rec.Action) {
		return nil, errorf("RequestLimitExceeded",
			"Your request rate exceeds the frequency limit of %d requests per second for this SecretId. Please reduce the frequency of calls.",
			s.world.rateLimit())
	}
	if r.Method == http.MethodPost && !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		return nil, errorf("InvalidRequest", "POST requests must have Content-Type application/json.")
	}
	if paramsErr != nil {
		return nil, errorf("InvalidParameter", "The request body is not a JSON object: %s", paramsErr)
	}
	return actions[rec.Action].serve(s, cred, rec.Params)
}

func checkActionAndVersion(action, version string) *apiError {
	known, ok := actions[action]
	switch {
	case action == "":
		return errorf("MissingParameter", "The request is missing the required parameter `Action` (header X-TC-Action).")
	case !ok:
		return errorf("InvalidAction", "The action `%s` does not exist.", action)
	case version == "":
		return errorf("MissingParameter", "The request is missing the required parameter `Version` (header X-TC-Version).")
	case version != known.version:
		return errorf("NoSuchVersion", "The version `%s` of action `%s` does not exist; use `%s`.", version, action, known.version)
	}
	return nil
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
	timestamp, err := strconv.ParseInt(r.Header.Get("X-TC-Timestamp"), 10, 64)
	if err != nil {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "X-TC-Timestamp must be the request time in Unix seconds.")
	}
	now := s.Now()
	if skew := now.Sub(time.Unix(timestamp, 0)); skew > maxClockSkew || skew < -maxClockSkew {
		return Credential{}, errorf("AuthFailure.SignatureExpire",
			"The request timestamp %d is more than %d seconds away from the server time %d.", timestamp, int(maxClockSkew.Seconds()), now.Unix())
	}
	if auth.Service != service {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "The credential scope names service `%s`, but this is `%s`.", auth.Service, service)
	}
	if auth.Date != credentialDate(timestamp) {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "The credential scope date %s is not the UTC date of X-TC-Timestamp.", auth.Date)
	}
	if !slices.Contains(auth.SignedHeaders, "content-type") || !slices.Contains(auth.SignedHeaders, "host") {
		return Credential{}, errorf("AuthFailure.InvalidAuthorization", "SignedHeaders must include content-type and host.")
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

// decodeParams returns each business parameter's raw value: JSON text for
// POST bodies, the query value for GET.
func decodeParams(r *http.Request, body []byte) (map[string]string, error) {
	params := map[string]string{}
	if r.Method == http.MethodGet {
		for name, values := range r.URL.Query() {
			params[name] = values[0]
		}
		return params, nil
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return nil, err
	}
	for name, value := range raw {
		params[name] = string(value)
	}
	return params, nil
}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
