# A check that names the members without a bound email and prints only
# them in the plan output: the scoped data source keeps just those members
# (bind_status is applied to the listing) and reads no binding. Zero members
# is the passing case here, so guard against reading the wrong account with
# allowed_account_ids in the provider block.
check "no_member_without_bound_email" {
  data "tencentcloud_organization_member_email_binds" "not_bound" {
    bind_status        = ["Unbound", "Valid", "Failed"]
    include_email_bind = false
  }

  assert {
    condition     = length(data.tencentcloud_organization_member_email_binds.not_bound.members) == 0
    error_message = "Members without a bound email: ${join(", ", [for m in data.tencentcloud_organization_member_email_binds.not_bound.members : "${m.member_uin} (${m.bind_status})"])}."
  }
}
