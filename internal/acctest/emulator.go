// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package acctest is what the acceptance tests share: the emulator on
// loopback, a workspace for the real Terraform CLI with the provider built
// from this checkout, error patterns that survive Terraform's line
// wrapping, and a test process isolated from the caller's environment.
package acctest

import (
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// Endpoints are the base URLs of one emulator's services. Each service has
// its own, as in the real cloud, so that a test which sends an action to
// the wrong service's endpoint fails here as it would against Tencent Cloud.
type Endpoints struct {
	Organization, STS, Metadata string
}

// Of is the endpoint of the emulator service named service, one of
// emulator.Services(), for tests that go through every service.
func (e Endpoints) Of(service string) string {
	switch service {
	case emulator.ServiceOrganization:
		return e.Organization
	case emulator.ServiceSTS:
		return e.STS
	case emulator.ServiceMetadata:
		return e.Metadata
	}
	panic(fmt.Sprintf("acctest: the emulator has no service %q", service))
}

// StartEmulator serves the world worldJSON describes on loopback for the
// duration of t.
func StartEmulator(t *testing.T, worldJSON string) (*emulator.Server, Endpoints) {
	t.Helper()
	world, err := emulator.ParseWorld([]byte(worldJSON))
	if err != nil {
		t.Fatal(err)
	}
	return ServeWorld(t, world)
}

// ServeWorld serves world on loopback for the duration of t, each service
// on its own port, all sharing one state.
func ServeWorld(t testing.TB, world emulator.World) (*emulator.Server, Endpoints) {
	t.Helper()
	srv := emulator.New(world)
	ExpectOnlyDeclaredAnswers(t, srv)
	url := func(service string) string {
		ts := httptest.NewServer(srv.Handler(service))
		t.Cleanup(ts.Close)
		return ts.URL
	}
	return srv, Endpoints{
		Organization: url(emulator.ServiceOrganization),
		STS:          url(emulator.ServiceSTS),
		Metadata:     url(emulator.ServiceMetadata),
	}
}

// ExpectOnlyDeclaredAnswers fails t if srv answers, during it, with an
// error code the action does not declare, so that no test passes on an
// error Tencent Cloud never returns. ServeWorld does it; a test that wraps
// the emulator's handlers itself calls it.
func ExpectOnlyDeclaredAnswers(t testing.TB, srv *emulator.Server) {
	t.Cleanup(func() {
		for _, answer := range srv.UndeclaredAnswers() {
			t.Errorf("the emulator answered %s, which the action does not declare", answer)
		}
	})
}
