// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

// Package tools holds the `go generate` steps of `make generate`, which
// format the examples and generate docs/; the measurement and helper
// commands are in its subdirectories (bench, cliconfig).
package tools

// Format examples, then generate docs/ from templates/ and examples/ with
// the provider's real schema.
//go:generate terraform fmt -recursive ../examples/
//go:generate go tool tfplugindocs generate --provider-dir .. --provider-name tencentcloud --rendered-provider-name "Tencent Cloud"
