// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// workspace runs Terraform on configurations in subdirectories of dir,
// with a CLI configuration whose dev_overrides point the provider address
// at the binary just built, so no init or registry is involved.
type workspace struct {
	terraform    string
	dir          string
	cliConfig    string
	providerPath string
	parallelism  int
	timeout      time.Duration
	// providerLog, when set, is the TF_LOG_PROVIDER level whose log each
	// plan writes to provider.log in its directory, for investigation.
	providerLog string
	// keep leaves the work directory in place, with each plan's emulator
	// request log in requests.tsv.
	keep bool
}

// planResult is one `terraform plan`, timed from start to exit.
type planResult struct {
	start, end time.Time
	// peakRSSKiB and providerCPU are zero for a plan run without sampling.
	peakRSSKiB int
	// providerCPU is the CPU time of the provider processes, sampled (proc.go);
	// treeCPU is Terraform's rusage at exit, which on Linux includes the
	// children it waited for, the provider processes among them.
	providerCPU, treeCPU time.Duration
	// err says why the plan, or showing the saved plan, failed.
	err error
	// shown is `terraform show -json` of the saved plan, when asked for.
	shown []byte
}

func (p planResult) elapsed() time.Duration { return p.end.Sub(p.start) }

// providerBlock configures the provider for the bench key at endpoint,
// with rate_limit and max_retries left at their defaults, which are what
// is being measured.
func providerBlock(endpoint string) string { return providerBlockFor(endpoint, secretID) }

// providerBlockFor is providerBlock signing with key, a key of the bench
// account.
func providerBlockFor(endpoint, key string) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    tencentcloud = { source = "tcorg/tencentcloud" }
  }
}

provider "tencentcloud" {
  secret_id  = %q
  secret_key = %q
  endpoints {
    organization = %q
  }
}
`, key, secretKey, endpoint)
}

// inventoryConfig reads the whole organization in one data source; total
// is an output so that the saved plan states how many members it returned.
func inventoryConfig(endpoint string, includeEmailBind bool) string {
	return providerBlock(endpoint) + inventoryBody(includeEmailBind)
}

// sharedConfig is inventoryConfig with bindings, signing with key.
func sharedConfig(endpoint, key string) string {
	return providerBlockFor(endpoint, key) + inventoryBody(true)
}

func inventoryBody(includeEmailBind bool) string {
	return fmt.Sprintf(`
data "tencentcloud_organization_member_email_binds" "all" {
  include_email_bind = %t
}

output "total" {
  value = data.tencentcloud_organization_member_email_binds.all.total
}
`, includeEmailBind)
}

// countConfig reads members 0 to n-1 with one single data source each.
func countConfig(endpoint string, n int) string {
	return providerBlock(endpoint) + fmt.Sprintf(`
data "tencentcloud_organization_member_email_bind" "m" {
  count      = %d
  member_uin = %d + count.index
}

output "read" {
  value = length(data.tencentcloud_organization_member_email_bind.m)
}
`, n, firstUin)
}

// plan runs `terraform plan` on config in subdirectory name. With show, the
// plan is saved and its JSON returned, for verification; writing the plan
// file is part of the time measured then, a few milliseconds. With sample,
// the provider processes' peak RSS and CPU are sampled from /proc while it
// runs; a sampler walks /proc 50 times a second, so plans that run at once
// and are timed together are not sampled: five samplers slowed their start
// by 2 s and staggered it by 0.5 s.
func (w *workspace) plan(name, config string, show, sample bool) planResult {
	work := filepath.Join(w.dir, name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return planResult{err: err}
	}
	if err := os.WriteFile(filepath.Join(work, "main.tf"), []byte(config), 0o600); err != nil {
		return planResult{err: err}
	}
	args := []string{"plan", "-input=false", "-no-color", "-parallelism=" + strconv.Itoa(w.parallelism)}
	if show {
		args = append(args, "-out=bench.tfplan")
	}
	var output bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), w.timeout)
	defer cancel()
	cmd := w.command(ctx, work, args...)
	cmd.Stdout, cmd.Stderr = &output, &output

	var sampler *procSampler
	if sample {
		sampler = newProcSampler(w.providerPath)
	}
	result := planResult{start: time.Now()}
	err := cmd.Run()
	result.end = time.Now()
	if sampler != nil {
		result.peakRSSKiB, result.providerCPU = sampler.stop()
	}
	if cmd.ProcessState != nil {
		result.treeCPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	if err != nil {
		result.err = fmt.Errorf("terraform plan (%s): %v\n%s", name, err, tail(output.String(), 40))
		return result
	}
	if show {
		result.shown, result.err = w.show(work)
	}
	return result
}

// show returns `terraform show -json` of the plan saved in work.
func (w *workspace) show(work string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), w.timeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := w.command(ctx, work, "show", "-json", "bench.tfplan")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("terraform show -json: %v\n%s", err, tail(stderr.String(), 20))
	}
	return stdout.Bytes(), nil
}

func (w *workspace) command(ctx context.Context, work string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, w.terraform, args...)
	cmd.Dir = work
	// TF_LOG is cleared: logging at any level would slow what is measured.
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+w.cliConfig, "CHECKPOINT_DISABLE=1", "TF_LOG=", "TF_LOG_PROVIDER=")
	if w.providerLog != "" {
		cmd.Env = append(cmd.Env, "TF_LOG_PROVIDER="+w.providerLog, "TF_LOG_PATH="+filepath.Join(work, "provider.log"))
	}
	return cmd
}

// version is the CLI's name and version, such as "Terraform 1.5.7".
func (w *workspace) version() string {
	out, err := w.command(context.Background(), w.dir, "version", "-json").Output()
	var v struct {
		TerraformVersion string `json:"terraform_version"`
	}
	if err != nil || json.Unmarshal(out, &v) != nil || v.TerraformVersion == "" {
		return filepath.Base(w.terraform) + " (version unknown)"
	}
	cli := "Terraform"
	if strings.HasPrefix(filepath.Base(w.terraform), "tofu") {
		cli = "OpenTofu"
	}
	return cli + " " + v.TerraformVersion
}

func tail(s string, lines int) string {
	all := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(all) > lines {
		all = all[len(all)-lines:]
	}
	return strings.Join(all, "\n")
}
