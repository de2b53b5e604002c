# The organization policies that tests/*.tftest.hcl test offline: copy this
# file into your configuration, and the tests beside it. It has no provider
# block: the provider configuration is the caller's (your configuration's,
# or the test file's), and the endpoint and credentials can come from the
# environment (TENCENTCLOUD_ORGANIZATION_ENDPOINT, TENCENTCLOUD_SECRET_ID,
# TENCENTCLOUD_SECRET_KEY).
terraform {
  required_providers {
    tencentcloud = {
      source  = "tcorg/tencentcloud"
      version = "~> 0.1"
    }
  }
}

# Warn when any member account has no bound email: any bind_status but
# "Success", so an Unbound member and a Failed one (whose binding failed, so
# no email is bound) both fail it. A failed assertion is a warning and does
# not stop the run. require_members = true makes a read
# of no member at all an error, which a check block reports as a warning
# too, so the check never passes on nothing.
check "every_member_email_bound" {
  data "tencentcloud_organization_member_email_binds" "audit" {
    require_members = true
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

# Stop the run when any member's email binding has failed: bind_status
# "Failed" only, so an Unbound member, whose binding has not been tried, does
# not fail it. A failed postcondition is an error. require_members = true makes a read of no
# member an error of its own, so the postcondition never passes on nothing.
data "tencentcloud_organization_member_email_binds" "all" {
  require_members = true

  lifecycle {
    postcondition {
      condition     = alltrue([for m in self.members : m.email_bind.bind_status != "Failed"])
      error_message = "No member's email binding may have failed; these have: ${join(", ", [for m in self.members : tostring(m.member_uin) if m.email_bind.bind_status == "Failed"])}."
    }
  }
}
