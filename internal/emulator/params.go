// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import "encoding/json"

// readParams decodes each raw JSON parameter into the field named for it.
// checkParams has checked every parameter against the action's table, so
// each is one of fields and decodes.
func readParams(params map[string]string, fields map[string]any) {
	for name, raw := range params {
		if field, known := fields[name]; known {
			_ = json.Unmarshal([]byte(raw), field)
		}
	}
}

// orDefault is DurationSeconds, which checkParams has checked, or def when
// it was left out.
func orDefault(seconds, def int64) int64 {
	if seconds == 0 {
		return def
	}
	return seconds
}
