# Reads the demo organization from the emulator that
# `make demo` starts. The provider takes its credentials and endpoint from
# TENCENTCLOUD_SECRET_ID, TENCENTCLOUD_SECRET_KEY and
# TENCENTCLOUD_ORGANIZATION_ENDPOINT, which `make demo` sets.
terraform {
  required_providers {
    tencentcloud = {
      source  = "tcorg/tencentcloud"
      version = "~> 0.1"
    }
  }
}

provider "tencentcloud" {}

data "tencentcloud_organization_member_email_bind" "bound" {
  member_uin = 100033118139
}

data "tencentcloud_organization_member_email_bind" "unbound" {
  member_uin = 100033118140
}

# request_id is left out of the outputs: it changes on every read, so an
# output holding it would show a change on every plan.
output "bound_member" {
  description = "A member whose email binding succeeded: every field is set."
  value       = { for k, v in data.tencentcloud_organization_member_email_bind.bound : k => v if k != "request_id" }
}

output "unbound_member" {
  description = "A member with no email bound: fields the API does not return are null."
  value       = { for k, v in data.tencentcloud_organization_member_email_bind.unbound : k => v if k != "request_id" }
}

# The whole organization in one read: every member, listed in pages of 50,
# with its email binding. A member who joins next week is read too.
data "tencentcloud_organization_member_email_binds" "all" {}

output "bind_status_counts" {
  description = "How many members are in each binding status."
  value       = data.tencentcloud_organization_member_email_binds.all.bind_status_counts
}

output "members_without_bound_email" {
  description = "Every member whose email binding has not succeeded, with its status: what a policy check would flag."
  value = {
    for m in data.tencentcloud_organization_member_email_binds.all.members :
    "${m.member_uin} (${m.name})" => m.email_bind.bind_status if m.email_bind.bind_status != "Success"
  }
}
