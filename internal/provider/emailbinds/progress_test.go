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
			progress.bindings(ctx, organization.BindProgress{Done: done, Total: total})
		}
		lines := strings.Count(out.String(), logBindingProgress)
		if lines != min(total, 10) || !strings.Contains(out.String(), fmt.Sprintf(`"done":%d`, total)) {
			t.Errorf("%d members: %d progress lines, want %d ending at done=%d:\n%s", total, lines, min(total, 10), total, out.String())
		}
	}
}
