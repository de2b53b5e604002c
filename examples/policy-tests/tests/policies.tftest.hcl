# Tests of the policies in ../main.tf against ../world.json, served by the
# emulator, with no cloud account:
#
#   tencentcloud-emulator --world world.json --listen 127.0.0.1:0 &
#   export TENCENTCLOUD_ORGANIZATION_ENDPOINT=<the URL it prints first>
#   terraform test
#
# Each organization of the world is reached with its own key pair, so each
# run block picks the organization it plans against by its provider. Each
# organization holds one outcome: so that a run can pass only if each policy
# denies exactly what it should, no organization mixes an Unbound member
# with a Failed one.
provider "tencentcloud" {
  alias      = "compliant"
  secret_id  = "AKIDcompliant000000000000000000000"
  secret_key = "compliant-test-key-not-a-real-one"
}

provider "tencentcloud" {
  alias      = "unbound"
  secret_id  = "AKIDunbound00000000000000000000000"
  secret_key = "unbound-test-key-not-a-real-one"
}

provider "tencentcloud" {
  alias      = "failed"
  secret_id  = "AKIDfailed000000000000000000000000"
  secret_key = "failed-test-key-not-a-real-one"
}

# Every member of the compliant organization has a bound email: no policy
# may fail, so the run fails on any failed check or postcondition.
run "a_compliant_organization_passes_every_policy" {
  command = plan

  providers = {
    tencentcloud = tencentcloud.compliant
  }

  assert {
    condition = {
      for m in data.tencentcloud_organization_member_email_binds.all.members : tostring(m.member_uin) => m.email_bind.bind_status
      } == {
      "100033118101" = "Success"
      "100033118102" = "Success"
    }
    error_message = "The compliant organization has two bound members."
  }
}

# An Unbound member has no bound email, but its binding has not failed: the
# check must fail, and the postcondition must not. Each entry of
# expect_failures must fail, or the run fails, and any failure not listed
# (here, the postcondition's) fails it too.
run "an_unbound_member_fails_the_check_and_not_the_postcondition" {
  command = plan

  providers = {
    tencentcloud = tencentcloud.unbound
  }

  expect_failures = [
    check.every_member_email_bound,
  ]

  assert {
    condition = {
      for m in data.tencentcloud_organization_member_email_binds.all.members : tostring(m.member_uin) => m.email_bind.bind_status
      } == {
      "200033118201" = "Success"
      "200033118202" = "Unbound"
    }
    error_message = "The unbound organization has one bound and one unbound member, and no failed one."
  }
}

# A Failed member's binding has failed, so it has no bound email either: the
# check (bind_status must be "Success") and the postcondition (bind_status
# must not be "Failed") must both fail.
run "a_failed_member_fails_the_check_and_the_postcondition" {
  command = plan

  providers = {
    tencentcloud = tencentcloud.failed
  }

  expect_failures = [
    check.every_member_email_bound,
    data.tencentcloud_organization_member_email_binds.all,
  ]

  assert {
    condition = {
      for m in data.tencentcloud_organization_member_email_binds.all.members : tostring(m.member_uin) => m.email_bind.bind_status
      } == {
      "300033118301" = "Success"
      "300033118302" = "Failed"
    }
    error_message = "The failed organization has one bound and one failed member, and no unbound one."
  }
}
