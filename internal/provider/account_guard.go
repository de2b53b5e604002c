// Copyright (c) The terraform-provider-tencentcloud authors.
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tcorg/terraform-provider-tencentcloud/internal/sts"
)

// checkAccount asks STS which account the credential belongs to, once, and
// fails when allowed_account_ids leaves it out or forbidden_account_ids
// names it, so that no data source reads the wrong account. A failed
// lookup fails too: the guard rail is not skipped because STS could not answer.
func checkAccount(ctx context.Context, m providerModel, s settings) diag.Diagnostics {
	var diags diag.Diagnostics
	allowed := accountIDs(m.AllowedAccountIDs, "allowed_account_ids", &diags)
	forbidden := accountIDs(m.ForbiddenAccountIDs, "forbidden_account_ids", &diags)
	if diags.HasError() || len(allowed) == 0 && len(forbidden) == 0 {
		return diags
	}
	client := sts.NewClient(s.sts)
	identity, err := client.GetCallerIdentity(ctx)
	if err != nil {
		diags.AddError(summaryCallerIdentityFailed, callerIdentityFailedDetail(err, client.Endpoint(), s.endpoints.STS))
		return diags
	}
	if identity == nil || identity.AccountId == nil || *identity.AccountId == "" {
		diags.AddError(summaryCallerIdentityFailed, callerIdentityWithoutAccountDetail(client.Endpoint()))
		return diags
	}
	account := *identity.AccountId
	switch {
	case len(allowed) > 0 && !slices.Contains(allowed, account):
		diags.AddAttributeError(path.Root("allowed_account_ids"), summaryAccountNotAllowed,
			accountNotAllowedDetail(account, s.credential.Describe(), allowed))
	case slices.Contains(forbidden, account):
		diags.AddAttributeError(path.Root("forbidden_account_ids"), summaryAccountForbidden,
			accountForbiddenDetail(account, s.credential.Describe(), forbidden))
	}
	return diags
}

// accountIDs are a set's account IDs, sorted for messages. The schema has
// refused malformed ones, but they are checked again where the guard is
// built, so that one that reached Configure some other way cannot match no
// account and so forbid nothing.
func accountIDs(set types.Set, attribute string, diags *diag.Diagnostics) []string {
	var ids []string
	for _, v := range set.Elements() {
		s, ok := v.(types.String)
		err := errAccountIDNotKnown
		if ok && !s.IsNull() && !s.IsUnknown() {
			err = checkAccountID(s.ValueString())
		}
		if err != nil {
			diags.AddAttributeError(path.Root(attribute), summaryInvalidAccountID, invalidAccountIDDetail(attribute, v.String(), err))
			continue
		}
		ids = append(ids, s.ValueString())
	}
	slices.Sort(ids)
	return ids
}
