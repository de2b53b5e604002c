// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package encodedstate_test

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider/encodedstate"
)

// reader is a framework server whose read hands over handed, if set, and
// answers with its own state and diagnostics.
type reader struct {
	tfprotov6.ProviderServer
	handed *tfprotov6.DynamicValue
	diags  []*tfprotov6.Diagnostic
	wasIt  bool
}

func (r *reader) ReadDataSource(ctx context.Context, _ *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if r.handed != nil {
		r.wasIt = encodedstate.Hand(ctx, *r.handed)
	}
	return &tfprotov6.ReadDataSourceResponse{State: &tfprotov6.DynamicValue{MsgPack: []byte("framework")}, Diagnostics: r.diags}, nil
}

func read(t *testing.T, r *reader) string {
	t.Helper()
	resp, err := encodedstate.Wrap(r).ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{TypeName: "t"})
	if err != nil {
		t.Fatal(err)
	}
	return string(resp.State.MsgPack)
}

func TestAHandedStateIsSentInPlaceOfTheFrameworks(t *testing.T) {
	r := &reader{handed: &tfprotov6.DynamicValue{MsgPack: []byte("handed")}}
	if got := read(t, r); got != "handed" || !r.wasIt {
		t.Errorf("sent %q (handed over: %t), want the handed state", got, r.wasIt)
	}
}

func TestAHandedStateIsNotSentWithAnError(t *testing.T) {
	r := &reader{
		handed: &tfprotov6.DynamicValue{MsgPack: []byte("handed")},
		diags:  []*tfprotov6.Diagnostic{{Severity: tfprotov6.DiagnosticSeverityError, Summary: "failed after Read"}},
	}
	if got := read(t, r); got != "framework" {
		t.Errorf("sent %q with an error, want the framework's state", got)
	}
}

func TestWithoutAHandedStateTheFrameworksIsSent(t *testing.T) {
	if got := read(t, &reader{}); got != "framework" {
		t.Errorf("sent %q, want the framework's state", got)
	}
}

func TestHandSaysNoOutsideWrap(t *testing.T) {
	if encodedstate.Hand(context.Background(), tfprotov6.DynamicValue{MsgPack: []byte("x")}) {
		t.Error("Hand took a state with no Wrap to send it")
	}
}
