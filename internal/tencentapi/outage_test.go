// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package tencentapi_test

// A dead endpoint: one client-wide verdict, and what still gets every retry.

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// oldBackoffBudget is the least that ten retries with the default backoff
// of 0.5 s doubling to 20 s could take on average (half of each ceiling:
// 0.25+0.5+1+2+4+8+10+10+10+10 s); the dead-endpoint tests assert that
// calls end well inside it.
const oldBackoffBudget = 55 * time.Second

// closedEndpoint is acctest's endpoint that refuses every connection, as a URL.
func closedEndpoint(t *testing.T) *url.URL {
	u, _ := url.Parse(acctest.ClosedURL(t))
	return u
}

// callsAtOnce makes n calls concurrently and returns their errors.
func callsAtOnce(client testClient, n int) []error {
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, errs[i] = client.DescribeOrganizationMemberEmailBind(context.Background(), int64(i))
		})
	}
	wg.Wait()
	return errs
}

// assertUnreachable fails unless err says the endpoint was taken for down
// after a refused connection.
func assertUnreachable(t *testing.T, err error) *tencentapi.Error {
	t.Helper()
	var callErr *tencentapi.Error
	if !errors.As(err, &callErr) || callErr.Code != tencentapi.CodeEndpointUnreachable || callErr.Outage == nil {
		t.Fatalf("err = %v, want %s with its outage", err, tencentapi.CodeEndpointUnreachable)
	}
	if callErr.Outage.Failures < 3 || !strings.Contains(callErr.Outage.LastError, "refused") {
		t.Errorf("outage %+v, want at least 3 refused connections and the last one's text", *callErr.Outage)
	}
	return callErr
}

func TestAnEndpointDeadFromTheStartFailsEveryCallWithinSeconds(t *testing.T) {
	t.Parallel() // each waits out the grace
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: closedEndpoint(t), MaxRetries: 10,
	})
	began := time.Now()
	errs := callsAtOnce(client, 50)
	took := time.Since(began)
	for _, err := range errs {
		callErr := assertUnreachable(t, err)
		if callErr.Outage.Duration < 2*time.Second || callErr.Outage.Duration > took+time.Second {
			t.Errorf("outage lasted %s of a %s run; want the real time since the first refusal, after the 2 s grace", callErr.Outage.Duration, took)
		}
	}
	if took > 10*time.Second {
		t.Errorf("the calls took %s; a dead endpoint should fail within seconds, not the %s backoff budget", took, oldBackoffBudget)
	}
}

// killableServer answers okBody until it is killed, after which its port
// refuses connections; killAfter requests kill it.
func killableServer(t *testing.T, killAfter int32, first ...fault) (*url.URL, *atomic.Int32, chan time.Time) {
	t.Helper()
	var count atomic.Int32
	died := make(chan time.Time, 1)
	var ts *httptest.Server
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := count.Add(1)
		if n == killAfter {
			go func() { ts.Close(); died <- time.Now() }()
		}
		if int(n) <= len(first) {
			first[n-1](w, r)
			return
		}
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	u, _ := url.Parse(ts.URL)
	return u, &count, died
}

func TestAnEndpointThatDiesMidReadFailsEveryPendingCallAtOnce(t *testing.T) {
	t.Parallel() // each waits out the grace
	// Ten calls are answered InternalError and sleep in a backoff of up to a
	// minute; the endpoint dies at its 20th request, with most of 200 calls
	// queued on the rate limiter.
	var internal []fault
	for range 10 {
		internal = append(internal, replyAPIError("InternalError"))
	}
	endpoint, _, died := killableServer(t, 20, internal...)
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 10, RateLimit: 20,
		RetryBaseDelay: time.Minute, RetryMaxDelay: time.Minute,
	})
	errs := callsAtOnce(client, 200)
	death := <-died
	if took := time.Since(death); took > 15*time.Second {
		t.Errorf("the calls ended %s after the endpoint died; want well within the 15 s target", took)
	}
	var succeeded, unreachable int
	for _, err := range errs {
		var callErr *tencentapi.Error
		switch {
		case err == nil:
			succeeded++
		case errors.As(err, &callErr) && callErr.Code == tencentapi.CodeEndpointUnreachable:
			unreachable++
		default:
			t.Errorf("err = %v, want success or %s", err, tencentapi.CodeEndpointUnreachable)
		}
	}
	if succeeded > 20 || unreachable < 180 {
		t.Errorf("%d calls succeeded and %d found the endpoint down; want at most the 10 answered before it died", succeeded, unreachable)
	}
}

// refusingTransport refuses the connection for the requests refuse picks,
// counting every request, and passes the others to the default transport.
type refusingTransport struct {
	count  atomic.Int32
	refuse func(n int32) bool
}

func (rt *refusingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if rt.refuse(rt.count.Add(1)) {
		return nil, &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}
	}
	return http.DefaultTransport.RoundTrip(r)
}

func TestCallsAfterTheEndpointIsTakenForDownAreNotSent(t *testing.T) {
	t.Parallel() // each waits out the grace
	endpoint, _ := url.Parse("https://organization.example.test")
	transport := &refusingTransport{refuse: func(int32) bool { return true }}
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 100, Transport: transport,
	})
	_ = assertUnreachable(t, callsAtOnce(client, 1)[0])
	sent := transport.count.Load()
	for _, err := range callsAtOnce(client, 20) {
		if callErr := assertUnreachable(t, err); callErr.Attempts != 0 || !callErr.Unsent() {
			t.Errorf("%v: %d attempts, unsent %v; want none, and unsent", callErr, callErr.Attempts, callErr.Unsent())
		}
	}
	if more := transport.count.Load() - sent; more != 0 {
		t.Errorf("%d requests were tried after the verdict; want none", more)
	}
}

func TestRefusedConnectionsBetweenAnswersDoNotTakeTheEndpointForDown(t *testing.T) {
	t.Parallel() // each waits out the grace
	endpoint, _ := faultyServer(t)
	// Every other request is refused, for longer than the grace.
	transport := &refusingTransport{refuse: func(n int32) bool { return n%2 == 1 }}
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 2, Transport: transport,
	})
	began := time.Now()
	for i := 0; time.Since(began) < 3*time.Second; i++ {
		if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), int64(i)); err != nil {
			t.Fatalf("call %d: %v; a refusal followed by an answer is a blip, not a dead endpoint", i, err)
		}
	}
}

func TestTimeoutsResetsAndServerErrorsStillGetEveryRetry(t *testing.T) {
	t.Parallel() // each waits out the grace
	slow := func(f fault) fault {
		return func(w http.ResponseWriter, r *http.Request) { time.Sleep(400 * time.Millisecond); f(w, r) }
	}
	var resets, unavailable []fault
	for range 8 {
		resets = append(resets, slow(resetConnection))
		unavailable = append(unavailable, slow(replyStatus(http.StatusServiceUnavailable, "busy")))
	}
	hanging, _ := hangingServer(t)
	resetting, _ := faultyServer(t, resets...)
	failing, _ := faultyServer(t, unavailable...)
	for name, tc := range map[string]struct {
		endpoint *url.URL
		timeout  time.Duration
		code     string
	}{
		"timeouts": {hanging, 400 * time.Millisecond, tencentapi.CodeTimeout},
		"resets":   {resetting, 5 * time.Second, tencentapi.CodeNetworkError},
		"503s":     {failing, 5 * time.Second, tencentapi.CodeHTTPStatus},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			// Seven attempts of at least 400 ms outlast the 2 s grace.
			client := newClient(tencentapi.Config{
				Credential: common.NewCredential("a", "b"), Endpoint: tc.endpoint, MaxRetries: 6,
				Timeout: tc.timeout, RetryBaseDelay: time.Millisecond,
			})
			_, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1)
			var callErr *tencentapi.Error
			if !errors.As(err, &callErr) || callErr.Code != tc.code || callErr.Attempts != 7 {
				t.Errorf("err = %v, want %s after all 7 attempts", err, tc.code)
			}
		})
	}
}

func TestAnEndpointThatComesBackIsFoundByTheNextProbe(t *testing.T) {
	t.Parallel() // waits out the grace and the pause before a probe
	endpoint, _ := faultyServer(t)
	var dead atomic.Bool
	dead.Store(true)
	transport := &refusingTransport{refuse: func(int32) bool { return dead.Load() }}
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 100, Transport: transport,
	})
	_ = assertUnreachable(t, callsAtOnce(client, 1)[0])
	dead.Store(false)
	// Within the pause, a call is not sent; after it, one goes out and finds the endpoint up.
	_ = assertUnreachable(t, callsAtOnce(client, 1)[0])
	time.Sleep(5*time.Second + 100*time.Millisecond)
	// The probe; calls at the same moment would still fail at once.
	if err := callsAtOnce(client, 1)[0]; err != nil {
		t.Fatalf("the probe: %v; want it sent and answered", err)
	}
	for _, err := range callsAtOnce(client, 3) {
		if err != nil {
			t.Errorf("err = %v after the endpoint came back; want the probe to lift the verdict", err)
		}
	}
}

func TestASlowHealthyEndpointWithSomeRefusedConnectionsIsNotTakenForDown(t *testing.T) {
	t.Parallel() // waits out the slow answers
	// Every request it accepts is answered after 2.5 s, while a third of
	// connections are refused (a load balancer with a dead backend): three
	// refusals span 2 s before any answer arrives, but connections are made
	// in between.
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(2500 * time.Millisecond)
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	endpoint, _ := url.Parse(ts.URL)
	transport := &refusingTransport{refuse: func(n int32) bool { return n%3 == 0 }}
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 10, Transport: transport, RateLimit: 20,
	})
	for i, err := range callsAtOnce(client, 30) {
		if err != nil {
			t.Errorf("call %d: %v; the endpoint answered every request it accepted", i, err)
		}
	}
}

// connectProxy is acctest's proxy that answers every CONNECT with status,
// as a URL with credentials of its own, which no message may show.
func connectProxy(t *testing.T, status string) *url.URL {
	u, _ := url.Parse("http://proxy-user:proxy-secret@" + acctest.ConnectProxy(t, status))
	return u
}

func TestAnEndpointAProxyRefusesToConnectToIsTakenForDownWithinSecondsNamingTheProxy(t *testing.T) {
	t.Parallel() // waits out the grace
	proxy := connectProxy(t, "502 Bad Gateway")
	endpoint, _ := url.Parse("https://organization.no-such-host.invalid")
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 10,
		Transport: tencentapi.DefaultTransportVia(proxy),
	})
	began := time.Now()
	errs := callsAtOnce(client, 5)
	took := time.Since(began)
	for _, err := range errs {
		callErr := assertUnreachable(t, err)
		if !callErr.Unsent() {
			t.Errorf("%v: not unsent; the proxy sent nothing to the endpoint", err)
		}
		for _, want := range []string{"proxy " + proxy.Host, "HTTPS_PROXY", "refused to connect to the endpoint", "502 Bad Gateway"} {
			if !strings.Contains(callErr.Outage.LastError, want) {
				t.Errorf("last error %q lacks %q", callErr.Outage.LastError, want)
			}
		}
		if strings.Contains(err.Error(), "proxy-secret") || strings.Contains(err.Error(), "proxy-user") {
			t.Errorf("%v: the proxy's userinfo is quoted", err)
		}
	}
	if took > 5*time.Second {
		t.Errorf("the calls took %s; want the verdict within 5 s, not the %s backoff budget", took, oldBackoffBudget)
	}
}

func TestAProxyThatRefusesToConnectOnceIsRetriedSoon(t *testing.T) {
	t.Parallel()
	// The proxy refuses the first CONNECT; the retry reaches it again
	// after the short delay for connections never made, and its 200 lets
	// the request through to the endpoint.
	ts := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(okBody))
	}))
	t.Cleanup(ts.Close)
	var connects atomic.Int32
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodConnect || connects.Add(1) == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		upstream, err := net.Dial("tcp", r.Host)
		if err != nil {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		w.WriteHeader(http.StatusOK)
		hijacker, ok := w.(http.Hijacker)
		if !ok {
			return
		}
		conn, buf, _ := hijacker.Hijack()
		go func() { _, _ = io.Copy(upstream, buf); _ = upstream.Close() }()
		_, _ = io.Copy(conn, upstream)
		_ = conn.Close()
	}))
	t.Cleanup(proxy.Close)
	proxyURL, _ := url.Parse(proxy.URL)
	transport := tencentapi.DefaultTransportVia(proxyURL)
	roots := x509.NewCertPool()
	roots.AddCert(ts.Certificate())
	transport.TLSClientConfig = &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12}
	endpoint, _ := url.Parse(ts.URL)
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 1, Transport: transport,
	})
	began := time.Now()
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
		t.Fatalf("err = %v; want the retry through the proxy answered", err)
	}
	if took := time.Since(began); took > 450*time.Millisecond {
		t.Errorf("the call took %s; a proxy's refusal should be retried after the 250 ms delay for connections never made", took)
	}
}

func TestRetriesOfConnectionsNeverMadeDoNotQueueOnTheRateLimit(t *testing.T) {
	t.Parallel() // waits out the grace
	// At one request per 5 s, three slots would take 10 s; the retries of
	// refused connections reach the server with nothing, so take none.
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: closedEndpoint(t), MaxRetries: 10, RateLimit: 0.2,
	})
	began := time.Now()
	_ = assertUnreachable(t, callsAtOnce(client, 1)[0])
	if took := time.Since(began); took > 4*time.Second {
		t.Errorf("the call took %s at rate_limit 0.2; want the verdict after the 2 s grace, not three slots of 5 s", took)
	}
}

func TestRetriesOfConnectionsMadeStillQueueOnTheRateLimit(t *testing.T) {
	t.Parallel()
	// A reset after the connection was made may have reached the server,
	// so its retry waits for a slot like any request.
	endpoint, _ := faultyServer(t, resetConnection)
	client := newClient(tencentapi.Config{
		Credential: common.NewCredential("a", "b"), Endpoint: endpoint, MaxRetries: 1, RateLimit: 1,
		RetryBaseDelay: time.Millisecond,
	})
	began := time.Now()
	if _, err := client.DescribeOrganizationMemberEmailBind(context.Background(), 1); err != nil {
		t.Fatalf("err = %v", err)
	}
	if took := time.Since(began); took < 900*time.Millisecond {
		t.Errorf("the retry came %s after the first attempt; want it to wait for the next slot, 1 s on", took)
	}
}
