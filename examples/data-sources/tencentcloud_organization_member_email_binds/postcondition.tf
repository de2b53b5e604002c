# Stop the run when any member account of the organization has no bound
# email: a failed postcondition is an error, so nothing is applied until
# every member's binding has succeeded. alltrue([]) is true, so the first
# postcondition stops a run that read no member at all.
data "tencentcloud_organization_member_email_binds" "all" {
  lifecycle {
    postcondition {
      condition     = length(self.members) > 0
      error_message = "No member was read, so no member was checked: check the credentials' account and any filter."
    }

    postcondition {
      condition     = alltrue([for m in self.members : m.email_bind.bind_status == "Success"])
      error_message = "Every member account must have a bound email; these do not: ${join(", ", [for m in self.members : tostring(m.member_uin) if m.email_bind.bind_status != "Success"])}."
    }
  }
}
