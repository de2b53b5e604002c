// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/emulator"
)

// inFlight counts the binding reads an emulator is answering, and when the
// last of them ended.
type inFlight struct {
	mu        sync.Mutex
	now, most int
	lastEnded time.Time
}

func (f *inFlight) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-TC-Action") != "DescribeOrganizationMemberEmailBind" {
			next.ServeHTTP(w, r)
			return
		}
		f.mu.Lock()
		f.now++
		f.most = max(f.most, f.now)
		f.mu.Unlock()
		// The emulator's delay ends early when the client hangs up.
		next.ServeHTTP(w, r)
		f.mu.Lock()
		f.now--
		f.lastEnded = time.Now()
		f.mu.Unlock()
	})
}

func (f *inFlight) state() (now, most int, lastEnded time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now, f.most, f.lastEnded
}

// TestAccInterruptEndsEveryInFlightInventoryRead interrupts a real
// `terraform plan` while many binding reads wait on a slow API, as Ctrl-C
// does, and expects every one of them to be abandoned within a second.
func TestAccInterruptEndsEveryInFlightInventoryRead(t *testing.T) {
	world := acctest.InventoryWorld(t, 100, `, "faults": [{"kind": "delay", "delay": "60s", "action": "DescribeOrganizationMemberEmailBind"}]`)
	var reads inFlight
	srv := emulator.New(world)
	acctest.ExpectOnlyDeclaredAnswers(t, srv)
	ts := httptest.NewServer(reads.wrap(srv.Handler(emulator.ServiceOrganization)))
	t.Cleanup(ts.Close)

	cmd := acctest.NewCLIWorkspace(t, acctest.InventoryConfig(ts.URL, "")).Command("plan", "-input=false", "-no-color")
	var output strings.Builder
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	deadline := time.Now().Add(60 * time.Second)
	for now, _, _ := reads.state(); now < 10; now, _, _ = reads.state() {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatalf("only %d binding reads were under way after 60s", now)
		}
		time.Sleep(50 * time.Millisecond)
	}
	interrupted := time.Now()
	_ = cmd.Process.Signal(syscall.SIGINT)

	select {
	case err := <-done:
		// Terraform exits non-zero after an interrupt; only the timing matters here.
		t.Logf("terraform exited %v after the interrupt: %v", time.Since(interrupted).Round(time.Millisecond), err)
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("terraform was still running 20s after the interrupt")
	}
	if !strings.Contains(output.String(), "Interrupt received") {
		t.Errorf("terraform did not see the interrupt:\n%s", output.String())
	}
	now, most, lastEnded := reads.state()
	if now != 0 || lastEnded.Before(interrupted) {
		t.Fatalf("%d binding reads were still under way after terraform exited, the last ended at %v", now, lastEnded)
	}
	if took := lastEnded.Sub(interrupted); took > time.Second {
		t.Errorf("the last of %d concurrent binding reads ended %v after the interrupt, want within a second", most, took)
	}
}
