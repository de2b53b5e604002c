// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package snapshot

import (
	"context"
	"fmt"
	"strconv"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
	"github.com/tcorg/terraform-provider-tencentcloud/internal/tencentapi"
)

// callerAccount asks STS GetCallerIdentity which account the credential
// acts for, as the provider's account guard does. The Organization API
// lets only the organization's admin account (its sub-users and roles
// included) list every member, so a recording that succeeds was made by
// the admin account, and that is the account STS names, whoever signed.
func callerAccount(ctx context.Context, config tencentapi.Config) (int64, error) {
	client := sts.NewClient(config)
	identity, err := client.GetCallerIdentity(ctx)
	if err != nil {
		return 0, fmt.Errorf("asking STS GetCallerIdentity at %s for the admin's account: %w (or give --admin-uin)", client.Endpoint(), err)
	}
	if identity == nil || identity.AccountId == nil {
		return 0, fmt.Errorf("STS GetCallerIdentity at %s named no account (give --admin-uin)", client.Endpoint())
	}
	uin, err := strconv.ParseInt(*identity.AccountId, 10, 64)
	if err != nil || uin <= 0 {
		return 0, fmt.Errorf("STS GetCallerIdentity at %s named the account %q, which is no UIN (give --admin-uin)", client.Endpoint(), *identity.AccountId)
	}
	return uin, nil
}
