// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package encodedstate lets a data source hand Terraform its state already
// encoded, instead of leaving it to the framework.
//
// After Read, the framework copies the state whole (Value.Copy), converts
// every attribute of the copy to framework values to compare it with the
// configuration (semantic equality), copies it again while turning null
// list blocks into empty ones, and only then encodes it. For the 10,000
// members of tencentcloud_organization_member_email_binds that is about
// three times the state held at once, over 200 MB, and most of the time
// after the last API call. None of it can change such a state: its schema
// has no blocks and no type with semantic equality, and the configuration
// it is compared with has only null computed attributes. So the data
// source encodes its state itself and hands it over (Hand), leaving the
// configuration as the framework's state; Wrap's ReadDataSource sends the
// encoded state in its place. Everything else, errors included, is the
// framework's.
package encodedstate

import (
	"context"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

type slotKey struct{}

// slot is where Hand leaves the state of one ReadDataSource call.
type slot struct{ state *tfprotov6.DynamicValue }

// Hand gives state, encoded for the data source's schema type, as the
// state the current ReadDataSource answers with, and reports whether it was
// handed over: false when the read is not served through Wrap, and the
// caller must set its state itself. Call it once the read has succeeded, last.
func Hand(ctx context.Context, state tfprotov6.DynamicValue) bool {
	s, ok := ctx.Value(slotKey{}).(*slot)
	if ok {
		s.state = &state
	}
	return ok
}

// Wrap is server, the framework's, with ReadDataSource sending the state a
// data source handed over. Only the interface's methods are served: the
// optional ones (list resources, actions, state stores) are not, and the
// provider has none of them.
func Wrap(server tfprotov6.ProviderServer) tfprotov6.ProviderServer {
	return wrapped{server}
}

type wrapped struct{ tfprotov6.ProviderServer }

func (w wrapped) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	handed := &slot{}
	resp, err := w.ProviderServer.ReadDataSource(context.WithValue(ctx, slotKey{}, handed), req)
	// The framework may yet fail the read after Read; the state handed
	// over is sent only with a response that has no error.
	if err != nil || resp == nil || handed.state == nil || hasError(resp.Diagnostics) {
		return resp, err
	}
	resp.State = handed.state
	// The end of the read as Terraform sees it: what follows is gRPC.
	// The bench times the end of Read by this line (tools/bench/scale.go).
	tflog.Info(ctx, LogStateSent, map[string]any{"type": req.TypeName, "bytes": len(resp.State.MsgPack)})
	return resp, nil
}

// LogStateSent is logged at INFO when a handed-over state is sent.
const LogStateSent = "Sending state encoded by the data source"

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}
