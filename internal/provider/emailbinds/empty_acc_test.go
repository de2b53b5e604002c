// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
)

// A filter that matches nobody leaves members empty, and a policy over
// every member of an empty list passes: the read says so, in every mode.
func TestAccAFilterThatMatchesNobodyWarnsAndNamesTheFilter(t *testing.T) {
	for name, tt := range map[string]struct{ arguments, named string }{
		"a tag value typo":           {`tags = { env = "prd" }`, `tags = { env = "prd" }`},
		"a unit id and another name": {"node_id = 2001\n  node_name = \"Ops\"", `node_id = 2001 and node_name = "Ops"`},
		"a status nobody has":        {`bind_status = ["Failed"]`, `bind_status = ["Failed"]`},
		"a typo without bindings":    {"tags = { env = \"prd\" }\n  include_email_bind = false", `tags = { env = "prd" }`},
		"a status of named members":  {fmt.Sprintf("member_uins = [%d]\n  bind_status = [\"Valid\"]", acctest.FirstInventoryUin), `bind_status = ["Valid"]`},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 10, ""))
			out, outputs, err := applyOutputs(t, inventoryOutputsWith(endpoints.Organization, tt.arguments))
			if err != nil {
				t.Fatalf("apply: %v\n%s", err, out)
			}
			if outputs["total"] != float64(0) {
				t.Fatalf("total %v; the filter was meant to match nobody", outputs["total"])
			}
			if !acctest.WrappedPattern(`Warning: No Members Found.*No member of the organization matched ` + regexp.QuoteMeta(tt.named) + `, so members is empty.*require_members = true`).MatchString(out) {
				t.Errorf("no warning names %s:\n%s", tt.named, out)
			}
		})
	}
}

func TestAccRequireMembersMakesAnEmptyReadAnError(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 10, ""))
	for name, arguments := range map[string]string{
		"with bindings":    "tags = { env = \"prd\" }\n  require_members = true",
		"without bindings": "tags = { env = \"prd\" }\n  require_members = true\n  include_email_bind = false",
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out, outputs, err := applyOutputs(t, inventoryOutputsWith(endpoints.Organization, arguments))
			if err == nil {
				t.Fatalf("the apply succeeded with no member and require_members = true:\n%s", out)
			}
			if !acctest.WrappedPattern(`Error: No Members Found.*with data.tencentcloud_organization_member_email_binds.all.*require_members.*` +
				`matched tags = \{ env = "prd" \}.*require_members = true makes this an error`).MatchString(out) {
				t.Errorf("the error does not name require_members and the filter:\n%s", out)
			}
			if len(outputs) != 0 {
				t.Errorf("outputs %v were stored from a failed read", outputs)
			}
		})
	}
}

func TestAccAReadThatFindsMembersDoesNotWarn(t *testing.T) {
	_, endpoints := acctest.ServeWorld(t, acctest.InventoryWorld(t, 10, ""))
	out, outputs, err := applyOutputs(t, inventoryOutputsWith(endpoints.Organization, "tags = { env = \"prod\" }\n  require_members = true"))
	if err != nil {
		t.Fatalf("apply: %v\n%s", err, out)
	}
	if outputs["total"] != float64(5) || strings.Contains(out, "No Members Found") {
		t.Errorf("total %v; want 5 members and no warning:\n%s", outputs["total"], out)
	}
}
