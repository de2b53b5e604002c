// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot_test

import (
	"testing"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/acctest"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/provider"
)

var testAccProtoV6ProviderFactories = acctest.ProviderFactories(provider.New("test")())

func TestMain(m *testing.M) {
	acctest.Main(m)
}
