# Stop the run when any member account of the organization has no bound
# email: a failed postcondition is an error, so nothing is applied until
# every member's binding has succeeded. alltrue([]) is true, so
# require_members makes a read of no member at all an error of its own,
# and the postcondition never passes on nothing.
data "tencentcloud_organization_member_email_binds" "all" {
  require_members = true

  lifecycle {
    postcondition {
      condition     = alltrue([for m in self.members : m.email_bind.bind_status == "Success"])
      error_message = "Every member account must have a bound email; these do not: ${join(", ", [for m in self.members : tostring(m.member_uin) if m.email_bind.bind_status != "Success"])}."
    }
  }
}
