// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package tencentapi is the one way the provider calls Tencent Cloud: a
// Client per service and endpoint, sending each call through the SDK's
// common module, which signs and decodes, and adding what a Terraform run
// of hundreds of reads needs. It knows no service: the Organization and STS
// packages type their actions on it.
//
// One concern to a file:
//   - client.go: Config, shared by every service, and the Client it builds;
//   - call.go: Call, which refreshes the credential, takes a slot of the
//     action's lanes, times out each attempt, retries and reports each attempt;
//   - pacer.go: the lanes each action's requests are sent on, one request
//     a period (a second and the pacing margin) each at a phase of its own, so that clients sharing an
//     account's budget settle at shares of it;
//   - pacer_throttle.go: how answers and throttles change the lanes: a
//     throttle drops the lane it came on, and lanes are added while none is;
//   - departures.go: when an action's last requests left, so that one
//     that left late does not let those after it crowd into its second;
//   - credential.go: what Call asks of a credential that can expire or be
//     rejected: to be readied before an attempt, or renewed once;
//   - retry.go: which failures are retried, and after how long;
//   - classify.go and errors.go: what a failure was, as one Error type with
//     a code, the RequestId, the attempts made and whether the request was
//     ever sent;
//   - outage.go: the client-wide verdict that an endpoint is down, so that
//     every read stops within seconds instead of each retrying alone;
//   - progress.go: how far a failed request got on the wire;
//   - transport.go: body capture, decoding and the envelope check;
//   - sdk.go: the SDK client for a service and endpoint, and the guard
//     against a decoder that panics;
//   - tally.go: a read's count of calls, attempts, retries and throttles.
//
// A Client holds no process-wide state: each provider configuration builds
// its own, so aliases never share a pacer, a credential or a verdict; they
// share an account's budget through the throttles it answers.
package tencentapi
