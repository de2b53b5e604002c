# Tests of the policies in ../main.tf against ../world.json, served by the
# emulator, with no cloud account:
#
#   tencentcloud-emulator --world world.json --listen 127.0.0.1:0 &
#   export TENCENTCLOUD_ORGANIZATION_ENDPOINT=<the URL it prints first>
#   terraform test
#
# Each organization of the world is reached with its own key pair, so each
# run block picks the organization it plans against by its provider.
provider "tencentcloud" {
  alias      = "compliant"
  secret_id  = "AKIDcompliant000000000000000000000"
  secret_key = "compliant-test-key-not-a-real-one"
}

provider "tencentcloud" {
  alias      = "noncompliant"
  secret_id  = "AKIDnoncompliant000000000000000000"
  secret_key = "noncompliant-test-key-not-a-real-one"
}

# Every member of the compliant organization has a bound email: no policy
# may fail, so the run fails on any failed check or postcondition.
run "a_compliant_organization_passes_every_policy" {
  command = plan

  providers = {
    tencentcloud = tencentcloud.compliant
  }

  assert {
    condition     = length(data.tencentcloud_organization_member_email_binds.all.members) == 2
    error_message = "The compliant organization has 2 members."
  }
}

# The noncompliant organization has a bound member, an unbound one and one
# whose binding failed: both policies must deny it. Each entry of
# expect_failures must fail, or the run fails, and any other failure fails
# it too.
run "a_noncompliant_organization_fails_both_policies" {
  command = plan

  providers = {
    tencentcloud = tencentcloud.noncompliant
  }

  expect_failures = [
    check.every_member_email_bound,
    data.tencentcloud_organization_member_email_binds.all,
  ]

  # What the policies deny: the unbound and the failed member, and not the
  # bound one.
  assert {
    condition = {
      for m in data.tencentcloud_organization_member_email_binds.all.members : tostring(m.member_uin) => m.email_bind.bind_status
      } == {
      "200033118201" = "Success"
      "200033118202" = "Unbound"
      "200033118203" = "Failed"
    }
    error_message = "The noncompliant organization has one bound, one unbound and one failed member."
  }
}
