// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"time"
)

// takeFault returns the first fault that matches memberUin and has uses
// left, using one up.
func (s *Server) takeFault(memberUin int64) (Fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.world.Faults {
		if f.MemberUin != 0 && f.MemberUin != memberUin {
			continue
		}
		if f.Count == 0 {
			return f, true
		}
		if s.faultsLeft[i] > 0 {
			s.faultsLeft[i]--
			return f, true
		}
	}
	return Fault{}, false
}

func (s *Server) injectFault(w http.ResponseWriter, f Fault, requestID string) {
	switch f.Kind {
	case FaultInternalError:
		writeJSON(w, map[string]any{"Response": map[string]any{
			"Error":     apiError{Code: "InternalError", Message: "An internal error occurred."},
			"RequestId": requestID,
		}})
	case FaultBadGateway:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"))
	case FaultMalformedJSON:
		writeJSON(w, map[string]any{"Response": map[string]any{"BindId": "not-a-number", "RequestId": requestID}})
	case FaultTruncatedJSON:
		body, _ := json.Marshal(map[string]any{"Response": map[string]any{"BindStatus": "Success", "RequestId": requestID}})
		body = body[:len(body)/2]
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	case FaultReset:
		resetConnection(w)
	}
}

// delay holds the request for the fault's delay, reporting false when the
// client went away first.
func (s *Server) delay(r *http.Request, f Fault) bool {
	d, _ := time.ParseDuration(f.Delay)
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-r.Context().Done():
		return false
	}
}

// resetConnection closes the connection with a TCP RST, as a crashed load
// balancer does, instead of an orderly FIN.
func resetConnection(w http.ResponseWriter) {
	hijacker, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, _, err := hijacker.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	if tcp, ok := conn.(*net.TCPConn); ok {
		_ = tcp.SetLinger(0)
	}
	_ = conn.Close()
}

func writeJSON(w http.ResponseWriter, v any) {
	body, _ := json.Marshal(v)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// peekMemberUin reads MemberUin from a request, for fault matching and
// logs, before the request is validated; zero when there is none.
func peekMemberUin(r *http.Request, body []byte) int64 {
	if r.Method == http.MethodGet {
		uin, _ := strconv.ParseInt(r.URL.Query().Get("MemberUin"), 10, 64)
		return uin
	}
	var params struct{ MemberUin int64 }
	_ = json.Unmarshal(body, &params)
	return params.MemberUin
}
