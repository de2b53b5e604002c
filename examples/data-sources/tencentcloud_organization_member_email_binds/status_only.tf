# A fast check of one organization unit, from the listing alone: with
# include_email_bind = false no binding is read (one call per 50 members
# instead of one more per member), email_bind is null and bind_status is the
# listing's. bind_status keeps every member whose email is not bound yet,
# including those waiting for activation (Valid).
data "tencentcloud_organization_member_email_binds" "finance_unbound" {
  node_name          = "Finance"
  bind_status        = ["Unbound", "Valid", "Failed"]
  include_email_bind = false
}

output "finance_members_without_bound_email" {
  description = "Members of the Finance unit with no bound email, by listing status."
  value = [
    for m in data.tencentcloud_organization_member_email_binds.finance_unbound.members : {
      member_uin  = m.member_uin
      name        = m.name
      bind_status = m.bind_status
    }
  ]
}
