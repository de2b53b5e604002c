// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emulator

import (
	"encoding/json"
	"maps"
	"slices"
)

// readParams decodes each raw JSON parameter into the field named for it,
// refusing a parameter the action does not define. Names are read in order,
// so that a request with several mistakes always gets the same error.
func readParams(params map[string]string, fields map[string]any) *apiError {
	for _, name := range slices.Sorted(maps.Keys(params)) {
		field, known := fields[name]
		if !known {
			return errorf("UnknownParameter", "The parameter `%s` is not recognized.", name)
		}
		if json.Unmarshal([]byte(params[name]), field) != nil {
			return errorf("InvalidParameter.ParamError", "The parameter `%s` has the wrong type.", name)
		}
	}
	return nil
}

// checkSessionName checks RoleSessionName as every STS action that names a
// session defines it.
func checkSessionName(name string) *apiError {
	if name == "" {
		return errorf("MissingParameter", "The request is missing the required parameter `RoleSessionName`.")
	}
	if !sessionNamePattern.MatchString(name) {
		return errorf("InvalidParameter.ParamError", "RoleSessionName must be 2 to 128 letters, digits and =,.@_- characters, got %q.", name)
	}
	return nil
}

// checkDuration checks DurationSeconds against max, and returns it or,
// when it was left out, def.
func checkDuration(seconds, def, limit int64) (int64, *apiError) {
	switch {
	case seconds < 0:
		return 0, errorf("InvalidParameter.ParamError", "DurationSeconds must not be negative, got %d.", seconds)
	case seconds > limit:
		return 0, errorf("InvalidParameter.OverTimeError", "DurationSeconds must be at most %d, got %d.", limit, seconds)
	case seconds == 0:
		return def, nil
	}
	return seconds, nil
}

// required reports the first of names whose value is empty, in order.
func required(values ...[2]string) *apiError {
	for _, v := range values {
		if v[1] == "" {
			return errorf("MissingParameter", "The request is missing the required parameter `%s`.", v[0])
		}
	}
	return nil
}
