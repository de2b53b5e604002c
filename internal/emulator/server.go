// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package emulator is a local implementation of the Tencent Cloud
// Organization API (2021-03-31) for DescribeOrganizationMemberEmailBind and
// DescribeOrganizationMembers, with the STS actions (AssumeRole,
// AssumeRoleWithWebIdentity, AssumeRoleWithSAML, GetSessionToken,
// GetCallerIdentity) and CVM metadata credentials a client may call it with. It speaks API 3.0 as the real
// service does (TC3-HMAC-SHA256 signatures, the Response envelope, the
// documented error codes and rate limit), so any Tencent Cloud client can be
// pointed at it for offline plans and tests.
//
// Each service has its own endpoint, as in the real cloud: Handler returns
// the handler of one service, which refuses the actions of the others, so
// that a client that sends an action to the wrong endpoint fails here as it
// would against Tencent Cloud. All handlers of one Server share its world.
package emulator

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// The services the emulator serves, each at its own endpoint.
const (
	ServiceOrganization = "organization" // organization.tencentcloudapi.com
	ServiceSTS          = "sts"          // sts.tencentcloudapi.com
	ServiceMetadata     = "metadata"     // the CVM instance metadata service, metadata.tencentyun.com
)

// Services lists every service, the Organization API first.
func Services() []string {
	return []string{ServiceOrganization, ServiceSTS, ServiceMetadata}
}

const (
	actionEmailBind          = "DescribeOrganizationMemberEmailBind"
	actionMembers            = "DescribeOrganizationMembers"
	actionAssumeRole         = "AssumeRole"
	actionWebIdentity        = "AssumeRoleWithWebIdentity"
	actionSAML               = "AssumeRoleWithSAML"
	actionGetSessionToken    = "GetSessionToken"
	actionGetCallerIdentity  = "GetCallerIdentity"
	stsVersion               = "2018-08-13"
	organizationVersion      = "2021-03-31"
	regionRequired, noRegion = true, false
	mayBeUnsigned, signed    = true, false
)

// actions are the API actions served: the service and version each belongs
// to, and what answers an authenticated request from its parameters.
var actions = map[string]struct {
	service, version string
	// regionRequired is set where the action's page lists Region as required.
	regionRequired bool
	// unsigned is set for the actions a client may send with
	// Authorization: SKIP, because their caller proves who it is with a
	// token or assertion in the parameters instead of a key.
	unsigned bool
	serve    func(s *Server, caller Credential, params map[string]string) (map[string]json.RawMessage, *apiError)
}{
	actionEmailBind:         {ServiceOrganization, organizationVersion, noRegion, signed, (*Server).describeOrganizationMemberEmailBind},
	actionMembers:           {ServiceOrganization, organizationVersion, noRegion, signed, (*Server).describeOrganizationMembers},
	actionAssumeRole:        {ServiceSTS, stsVersion, regionRequired, signed, (*Server).assumeRole},
	actionWebIdentity:       {ServiceSTS, stsVersion, regionRequired, mayBeUnsigned, (*Server).assumeRoleWithWebIdentity},
	actionSAML:              {ServiceSTS, stsVersion, regionRequired, mayBeUnsigned, (*Server).assumeRoleWithSAML},
	actionGetSessionToken:   {ServiceSTS, stsVersion, regionRequired, signed, (*Server).getSessionToken},
	actionGetCallerIdentity: {ServiceSTS, stsVersion, regionRequired, signed, (*Server).getCallerIdentity},
}

const (
	// maxClockSkew is how far X-TC-Timestamp may be from the server's clock.
	maxClockSkew = 5 * time.Minute

	maxBodyBytes = 1 << 20
)

// Request is what the emulator saw of one call, for tests and logs. Its
// SecretID identifies a key but grants nothing; but Params are as sent, so
// they can hold a web identity token, a SAML assertion or an MFA code, which
// tests need to see and logs must not: see secretParams.
type Request struct {
	// Service is the endpoint that received the request, one of Services.
	Service       string
	Action        string
	Version       string
	Region        string
	RequestClient string
	SecretID      string
	HasToken      bool
	// Unsigned is set when the request came with Authorization: SKIP, as
	// the SDK sends the actions that need no key.
	Unsigned bool
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
	// Sleep waits d, or until ctx is done, reporting whether it waited the
	// whole d. Tests replace it, together with Now, to run on a fake clock.
	Sleep func(ctx context.Context, d time.Duration) bool
	// Jitter draws a request's network delay, from 0 to limit inclusive.
	// Tests replace it to choose when requests arrive.
	Jitter func(limit time.Duration) time.Duration
	// BeforeRequest, when set, is called with each API request's action and
	// parameters before it is answered, outside the server's lock: a test
	// can change the world there (Join, Leave, AddFault) at the exact point
	// of a read it chooses. Calls are made one at a time, so a schedule
	// needs no lock of its own however many requests arrive at once.
	BeforeRequest func(action string, params map[string]string)
	// hookMu makes BeforeRequest calls one at a time; it is not mu, which
	// the hook's Join, Leave and AddFault take.
	hookMu sync.Mutex
	// Logf, when set, receives one line per request, with the values of
	// secretParams left out.
	Logf func(format string, args ...any)

	// world's organizations, and their members, are guarded by mu: faults
	// make members join and leave while clients read.
	world World

	mu              sync.Mutex
	orgOfUin        map[int64]*Organization
	credentials     map[string]Credential
	windows         map[rateKey]*rateWindow
	faultsLeft      []int
	pagesServed     int
	listingsStarted int
	requests        []Request
	assumeRoleCalls []AssumeRoleCall
	// principals are who each issued credential acts as, by SecretId.
	principals map[string]principal
	// usedCodes are the MFA codes accepted so far, by device and code.
	usedCodes map[mfaCode]bool
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
		Sleep:       sleep,
		Jitter:      randomJitter,
		world:       world,
		credentials: map[string]Credential{},
		orgOfUin:    map[int64]*Organization{},
		windows:     map[rateKey]*rateWindow{},
		faultsLeft:  make([]int, len(world.Faults)),
		principals:  map[string]principal{},
		usedCodes:   map[mfaCode]bool{},
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

// Handler returns the endpoint of one service, one of Services: the API 3.0
// actions of ServiceOrganization or ServiceSTS, or the instance metadata
// paths of ServiceMetadata. There is no handler for all of them at once,
// because no real endpoint serves more than one service.
func (s *Server) Handler(service string) http.Handler {
	switch service {
	case ServiceOrganization, ServiceSTS:
		return apiHandler{s: s, service: service}
	case ServiceMetadata:
		return metadataHandler{s: s}
	}
	panic(fmt.Sprintf("emulator: no service %q; the services are %s", service, strings.Join(Services(), ", ")))
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
			value := rec.Params[name]
			if secretParams[name] {
				value = "<redacted>"
			}
			params.WriteString(" " + name + "=" + value)
		}
		s.Logf("%s %s%s -> %s RequestId=%s", rec.Service, rec.Action, params.String(), result, rec.RequestID)
	}
}

// secretParams are the parameters that grant access to whoever holds them,
// which no log line may show.
var secretParams = map[string]bool{"WebIdentityToken": true, "SAMLAssertion": true, "TokenCode": true}

func newRequestID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:])
}
