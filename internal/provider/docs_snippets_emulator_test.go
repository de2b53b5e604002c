// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bufio"
	"fmt"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/envvar"
)

// startDocumentedEmulator runs the emulator command a page shows, and
// returns the URLs it prints: the Organization URL, then sts: and metadata:.
func startDocumentedEmulator(t *testing.T, command string) []string {
	t.Helper()
	fields := strings.Fields(command)
	if len(fields) < 3 || fields[0] != "go" || fields[1] != "run" {
		t.Fatalf("not a go run command: %q", command)
	}
	cmd := exec.Command("go", fields[1:]...)
	cmd.Dir = repoRoot
	// go run starts the emulator as its child: a group of their own lets
	// the cleanup stop both.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
	lines := make(chan string)
	go func() {
		scanner := bufio.NewScanner(stdout)
		for scanner.Scan() {
			lines <- scanner.Text()
		}
		close(lines)
	}()
	var urls []string
	deadline := time.After(3 * time.Minute)
	for len(urls) < 3 {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("%q exited before printing its URLs: %v\n%s", command, cmd.Wait(), stderr.String())
			}
			_, url, found := strings.Cut(line, ": ")
			if !found {
				url = line
			}
			urls = append(urls, url)
		case <-deadline:
			t.Fatalf("%q printed no URLs within 3 minutes:\n%s", command, stderr.String())
		}
	}
	return urls
}

// TestAccEmulatorSnippetsServeTheQuickStart runs the emulator snippets of
// the README and the provider page line by line: the go run command, then
// each export with the URLs it printed in place of PORT1 to PORT3. The
// Quick Start must then plan against it with nothing else set.
func TestAccEmulatorSnippetsServeTheQuickStart(t *testing.T) {
	for _, page := range []struct{ name, firstLine string }{
		{"README.md", "go run ./cmd/tencentcloud-emulator --listen 127.0.0.1:0 --world examples/demo/world.json"},
		{"docs/index.md", "# from a checkout of the provider's repository"},
	} {
		t.Run(page.name, func(t *testing.T) {
			acctest.CLIPath(t)
			for _, name := range []string{envvar.SecretID, envvar.SecretKey, envvar.OrganizationEndpoint, envvar.STSEndpoint} {
				t.Setenv(name, "")
			}
			var urls []string
			exported := map[string]bool{}
			for _, line := range strings.Split(docSnippet(t, page.name, page.firstLine), "\n") {
				line, _, _ = strings.Cut(line, "#")
				line = strings.TrimSpace(line)
				switch {
				case line == "":
				case strings.HasPrefix(line, "go run "):
					urls = startDocumentedEmulator(t, line)
				case strings.HasPrefix(line, "export "):
					name, value, ok := strings.Cut(strings.TrimPrefix(line, "export "), "=")
					if !ok || urls == nil {
						t.Fatalf("%s: cannot run %q", page.name, line)
					}
					for i, url := range urls {
						value = strings.ReplaceAll(value, fmt.Sprintf("http://127.0.0.1:PORT%d", i+1), url)
					}
					if strings.Contains(value, "PORT") {
						t.Fatalf("%s: %q names a port the emulator did not print", page.name, line)
					}
					t.Setenv(name, value)
					exported[name] = true
				default:
					t.Fatalf("%s: the emulator snippet has a line this test cannot run: %q", page.name, line)
				}
			}
			for _, name := range []string{envvar.OrganizationEndpoint, envvar.SecretID, envvar.SecretKey} {
				if !exported[name] {
					t.Errorf("%s: the emulator snippet does not export %s", page.name, name)
				}
			}
			out, err := acctest.NewCLIWorkspace(t, readExample(t, "provider/quick_start.tf")).Run(t, "plan", "-input=false")
			if err != nil || !strings.Contains(out, "member_email_bound = true") {
				t.Errorf("%s: the Quick Start did not plan against the documented emulator (err %v):\n%s", page.name, err, out)
			}
		})
	}
}

// TestAccTheEmulatorCommandInTheEmulatorExampleStarts runs the command in
// the comment of examples/provider/emulator.tf, on free ports instead of
// 8080 and 8081, which another process may hold.
func TestAccTheEmulatorCommandInTheEmulatorExampleStarts(t *testing.T) {
	acctest.CLIPath(t)
	var command string
	for _, line := range strings.Split(readExample(t, "provider/emulator.tf"), "\n") {
		if _, rest, ok := strings.Cut(line, "#   go run "); ok {
			command = "go run " + rest
		}
	}
	if command == "" {
		t.Fatal("examples/provider/emulator.tf shows no emulator command")
	}
	command = strings.NewReplacer("127.0.0.1:8080", "127.0.0.1:0", "127.0.0.1:8081", "127.0.0.1:0").Replace(command)
	if urls := startDocumentedEmulator(t, command); !strings.HasPrefix(urls[0], "http://127.0.0.1:") {
		t.Errorf("the emulator printed %q", urls)
	}
}
