# Warn on every plan when a member account's email is not bound. The scoped
# data source in a check block is read on each plan and apply; a failed
# assertion is reported as a warning and does not stop the run.
check "member_email_bound" {
  data "tencentcloud_organization_member_email_bind" "audit" {
    member_uin = 100033118139
  }

  assert {
    condition     = data.tencentcloud_organization_member_email_bind.audit.bind_status == "Success"
    error_message = "Member ${data.tencentcloud_organization_member_email_bind.audit.member_uin} has no bound email: bind_status is ${coalesce(data.tencentcloud_organization_member_email_bind.audit.bind_status, "not returned")}."
  }
}
