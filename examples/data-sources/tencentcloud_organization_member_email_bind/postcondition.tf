# Stop the run when the payer account lacks a bound email or a bound
# verification phone: a failed postcondition is an error.
data "tencentcloud_organization_member_email_bind" "payer" {
  member_uin = 100033118139

  lifecycle {
    postcondition {
      condition     = self.bind_status == "Success" && self.phone_bind == 1
      error_message = "The payer account ${self.member_uin} must have a bound email and a bound verification phone."
    }
  }
}
