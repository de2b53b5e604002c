// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package organization

// SetPaging makes c list pageSize members a page with workers pages at once,
// so that tests page small organizations through many boundaries.
func SetPaging(c *Client, pageSize, workers int) {
	c.pageSize, c.pageWorkers = pageSize, workers
}
