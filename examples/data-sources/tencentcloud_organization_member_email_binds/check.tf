# Warn on every plan when any member account of the organization has no
# bound email. The scoped data source in a check block is read on each plan
# and apply; a failed assertion is reported as a warning, naming the members,
# and does not stop the run. alltrue([]) is true, so the first assertion
# makes sure there is something to check: a read that returns no member
# (credentials of the wrong account, a filter that matches nobody) warns
# instead of passing.
check "every_member_email_bound" {
  data "tencentcloud_organization_member_email_binds" "audit" {}

  assert {
    condition     = length(data.tencentcloud_organization_member_email_binds.audit.members) > 0
    error_message = "No member was read, so no member was checked: check the credentials' account and any filter."
  }

  assert {
    condition = alltrue([
      for m in data.tencentcloud_organization_member_email_binds.audit.members : m.email_bind.bind_status == "Success"
    ])
    error_message = "Members without a bound email: ${join(", ", [
      for m in data.tencentcloud_organization_member_email_binds.audit.members :
      "${m.member_uin} (bind_status is ${coalesce(m.email_bind.bind_status, "not returned")})"
      if m.email_bind.bind_status != "Success"
    ])}."
  }
}
