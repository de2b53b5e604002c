// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"maps"
	"net"
	"net/http"
	"strconv"
	"time"
)

// fail answers the request with the first fault that matches it, if any.
// It reports whether the request is done with: answered with the fault, or
// abandoned by a client that gave up during a delay.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, rec Request, answerable func() bool) bool {
	fault, ok := s.takeFault(rec.Action, rec.MemberUin, answerable)
	if !ok {
		return false
	}
	if fault.Kind == FaultDelay {
		return !s.delay(r, fault)
	}
	rec.ErrorCode = "Fault." + fault.Kind
	switch fault.Kind {
	case FaultInternalError:
		rec.ErrorCode = "InternalError"
	case FaultThrottled:
		rec.ErrorCode = throttleCode(rec.Action)
	case FaultError:
		rec.ErrorCode = fault.Code
	}
	s.record(rec)
	s.injectFault(w, fault, rec.Action, rec.RequestID)
	return true
}

// apiAnswerFaults are the faults that answer as the API itself does.
var apiAnswerFaults = map[string]bool{FaultInternalError: true, FaultThrottled: true, FaultError: true}

// takeFault returns the first request fault that matches the request and
// has uses left, using one up. A fault that answers as the API does is
// skipped, and kept, unless answerable says the API would answer the
// request at all. answerable authenticates the request, which reads the
// world under s.mu, so it is asked without the lock, and only when such a
// fault matches: the faults are then looked through again, as they may
// have changed meanwhile.
func (s *Server) takeFault(action string, memberUin int64, answerable func() bool) (Fault, bool) {
	asked, canAnswer := false, false
	for {
		f, ok, ask := s.matchFault(action, memberUin, asked, canAnswer)
		if !ask {
			return f, ok
		}
		asked, canAnswer = true, answerable()
	}
}

// matchFault is one look through the faults for takeFault; ask reports
// that an API-answer fault matched before answerable was asked.
func (s *Server) matchFault(action string, memberUin int64, asked, canAnswer bool) (f Fault, ok, ask bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.world.Faults {
		if f.Kind == FaultMemberLeaves || f.Kind == FaultMemberJoins || f.Kind == FaultMemberChurn || listingFaults[f.Kind] {
			continue
		}
		if f.Action != "" && f.Action != action {
			continue
		}
		if f.MemberUin != 0 && f.MemberUin != memberUin {
			continue
		}
		if apiAnswerFaults[f.Kind] && !asked {
			return Fault{}, false, true
		}
		if apiAnswerFaults[f.Kind] && !canAnswer {
			continue
		}
		if s.useFault(i) {
			return f, true, false
		}
	}
	return Fault{}, false, false
}

// useFault reports whether fault i has a use left, using one up. The
// caller holds s.mu.
func (s *Server) useFault(i int) bool {
	if s.world.Faults[i].Count == 0 {
		return true
	}
	if s.faultsLeft[i] > 0 {
		s.faultsLeft[i]--
		return true
	}
	return false
}

// faultResponses are, for each action, a Response of the wrong shape and a
// success Response to cut short, so that malformed_json and truncated_json
// fail in the decoder of whichever action they hit.
var faultResponses = map[string]faultResponse{
	actionEmailBind: {
		wrongShape: map[string]any{"BindId": "not-a-number"},
		success:    map[string]any{"BindStatus": "Success"},
	},
	actionMembers: {
		wrongShape: map[string]any{"Items": "not-a-list", "Total": "x"},
		success:    map[string]any{"Items": []any{map[string]any{"MemberUin": int64(100033118139), "Name": "prod"}}, "Total": 1},
	},
	actionAssumeRole:      credentialFaultResponse,
	actionWebIdentity:     credentialFaultResponse,
	actionSAML:            credentialFaultResponse,
	actionGetSessionToken: credentialFaultResponse,
	actionGetCallerIdentity: {
		wrongShape: map[string]any{"AccountId": int64(100000000001), "Type": []string{"CAMUser"}},
		success: map[string]any{
			"AccountId": "100000000001", "UserId": "100000000001", "PrincipalId": "100000000001",
			"Arn": "qcs::cam::uin/100000000001:uin/100000000001", "Type": principalCAMUser,
		},
	},
}

type faultResponse struct{ wrongShape, success map[string]any }

// credentialFaultResponse is for every STS action that issues a credential,
// as they all answer in AssumeRole's shape.
var credentialFaultResponse = faultResponse{
	wrongShape: map[string]any{"Credentials": "not-an-object", "ExpiredTime": "x"},
	success: map[string]any{
		"Credentials": map[string]any{"TmpSecretId": "AKIDtruncated", "TmpSecretKey": "truncated", "Token": "truncated"},
		"ExpiredTime": 1700000000, "Expiration": "2023-11-14T22:13:20Z",
	},
}

func (s *Server) injectFault(w http.ResponseWriter, f Fault, action, requestID string) {
	responses, known := faultResponses[action]
	if !known {
		// An unknown action has no response of its own to get wrong.
		responses = faultResponses[actionEmailBind]
	}
	switch f.Kind {
	case FaultInternalError:
		writeJSON(w, map[string]any{"Response": map[string]any{
			"Error":     apiError{Code: "InternalError", Message: "An internal error occurred."},
			"RequestId": requestID,
		}})
	case FaultThrottled:
		writeJSON(w, map[string]any{"Response": map[string]any{
			"Error":     apiError{Code: throttleCode(action), Message: "Your request rate exceeds the frequency limit for this account. Please reduce the frequency of calls."},
			"RequestId": requestID,
		}})
	case FaultError:
		// As the API answers an error: HTTP 200, the code and a message in
		// the envelope, and the RequestId in both the body and a header.
		w.Header().Set("X-TC-RequestId", requestID)
		writeJSON(w, map[string]any{"Response": map[string]any{
			"Error":     apiError{Code: f.Code, Message: faultMessage(f.Code, action)},
			"RequestId": requestID,
		}})
	case FaultBadGateway:
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"))
	case FaultMalformedJSON:
		writeJSON(w, map[string]any{"Response": withRequestID(responses.wrongShape, requestID)})
	case FaultTruncatedJSON:
		body, _ := json.Marshal(map[string]any{"Response": withRequestID(responses.success, requestID)})
		body = body[:len(body)/2]
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		_, _ = w.Write(body)
	case FaultReset:
		resetConnection(w)
	}
}

func withRequestID(fields map[string]any, requestID string) map[string]any {
	response := maps.Clone(fields)
	response["RequestId"] = requestID
	return response
}

// delay holds the request for the fault's delay, reporting false when the
// client went away first.
func (s *Server) delay(r *http.Request, f Fault) bool {
	d, _ := time.ParseDuration(f.Delay)
	return s.Sleep(r.Context(), d)
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

// memberUinParam reads MemberUin for fault matching and logs before the
// request is validated; zero when there is none.
func memberUinParam(params map[string]string) int64 {
	uin, _ := strconv.ParseInt(params["MemberUin"], 10, 64)
	return uin
}
