// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbind

import "fmt"

// The data source's own messages; an API error's words are in codes.go, and
// how a failed call is worded is package explain's.
const (
	summaryValueOutOfRange    = "API Value Out of Range"
	summaryInvalidWholeNumber = "Invalid Whole Number"
)

func valueOutOfRangeDetail(field string, value uint64) string {
	return fmt.Sprintf("The API returned %s = %d, which does not fit in a Terraform number of type Int64. "+
		"This is unexpected for this API; please report it to the provider's maintainers.", field, value)
}
