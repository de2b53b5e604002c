// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package acctest

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// live keeps the caller's TENCENTCLOUD_* variables for the live test; every
// other test runs with them cleared, so a developer's real credentials can
// neither leak into nor change an emulator test.
var live = map[string]string{}

// Main is the TestMain of an acceptance test package: it runs the tests
// without the caller's TENCENTCLOUD_* variables, home directory or CLI
// configuration, removes what they built, and exits with their result.
func Main(m *testing.M) {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, envvar.Prefix) {
			live[name] = value
			_ = os.Unsetenv(name)
		}
	}
	home, err := isolateHome()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// Test configurations name the provider by its real source address, as users do.
	if os.Getenv(envProviderNamespace) == "" {
		_ = os.Setenv(envProviderNamespace, namespace)
	}
	code := m.Run()
	_ = os.RemoveAll(home)
	removeProviderBuild()
	os.Exit(code)
}

// Live is the caller's value of the TENCENTCLOUD_* variable name, which
// Main cleared, or "" when the caller did not set it.
func Live(name string) string {
	return live[name]
}

// RestoreLive sets every TENCENTCLOUD_* variable Main cleared back to the
// caller's value for the duration of t, for the test that calls the real API.
func RestoreLive(t *testing.T) {
	for name, value := range live {
		t.Setenv(name, value)
	}
}
