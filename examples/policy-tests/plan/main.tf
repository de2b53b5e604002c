# The plan that the OPA policy (examples/policy/member_email_bound.rego) is
# tested on: the whole organization read with no condition of its own,
# since a plan that fails a postcondition is not written, and the policy
# is the check here.
terraform {
  required_providers {
    tencentcloud = {
      source  = "tcorg/tencentcloud"
      version = "~> 0.1"
    }
  }
}

data "tencentcloud_organization_member_email_binds" "all" {
  require_members = true
}
