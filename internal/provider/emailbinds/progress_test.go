// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package emailbinds

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflogtest"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/organization"
)

func TestProgressIsLoggedAtMostTenTimesHoweverFewTheMembers(t *testing.T) {
	for _, total := range []int{1, 9, 10, 15, 19, 100, 1001} {
		var out bytes.Buffer
		ctx, progress := newReadProgress(tflogtest.RootLogger(context.Background(), &out))
		for done := 1; done <= total; done++ {
			progress.bindings(ctx, organization.BindProgress{Done: done, Total: total, Listed: true})
		}
		lines := strings.Count(out.String(), logBindingProgress)
		if lines != min(total, 10) || !strings.Contains(out.String(), fmt.Sprintf(`"done":%d`, total)) {
			t.Errorf("%d members: %d progress lines, want %d ending at done=%d:\n%s", total, lines, min(total, 10), total, out.String())
		}
	}
}

// A listing hands the batch its members page by page, so Total grows; a
// tenth of it then is none of the batch, and is not logged, but a tenth
// crossed before the last page came is logged with the first report after.
func TestProgressOfABatchWhosePagesStillComeIsLoggedOnceItsTotalIsKnown(t *testing.T) {
	var out bytes.Buffer
	ctx, progress := newReadProgress(tflogtest.RootLogger(context.Background(), &out))
	progress.reading(ctx)
	for done := 1; done <= 250; done++ {
		// A page of 50 comes every 30 reads until all 250 are listed.
		total := min(250, 50*(1+done/30))
		progress.bindings(ctx, organization.BindProgress{Done: done, Total: total, Listed: total == 250})
	}
	got := out.String()
	// The last page comes at the 120th read, past four tenths of 250: one
	// line then, and one at each tenth from the fifth.
	if lines := strings.Count(got, logBindingProgress); lines != 7 || !strings.Contains(got, `"done":120`) || !strings.Contains(got, `"done":250`) {
		t.Errorf("%d progress lines, want 7, from done=120 to done=250:\n%s", lines, got)
	}
	if strings.Contains(got, `"total":50,`) || strings.Contains(got, `"total":200,`) {
		t.Errorf("a line before every member was listed:\n%s", got)
	}
}
