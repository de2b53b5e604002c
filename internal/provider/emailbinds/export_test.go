// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

// The log messages users grep for, exported to the acceptance tests alone.
const (
	LogBindingProgress = logBindingProgress
	LogReadSummary     = logReadSummary
	LogStateWritten    = logStateWritten
	LogListed          = logListed
)
