# Read every member of the organization with its email binding in one data
# source: the members are listed 50 a page, then each one's binding is read,
# paced to the provider's rate_limit. If any member cannot be read, the read
# fails with an error naming it, rather than returning a partial list.
data "tencentcloud_organization_member_email_binds" "all" {}

locals {
  members = data.tencentcloud_organization_member_email_binds.all.members
}

output "members_without_bound_email" {
  description = "Members whose email binding has not succeeded, keyed by member UIN, with their binding status."
  value = {
    for m in local.members : tostring(m.member_uin) => {
      name        = m.name
      node_name   = m.node_name
      bind_status = m.email_bind.bind_status
    } if m.email_bind.bind_status != "Success"
  }
}

output "member_count" {
  description = "How many members the organization has."
  value       = data.tencentcloud_organization_member_email_binds.all.total
}

output "bind_status_counts" {
  description = "How many members are in each binding status, such as { Success = 41, Unbound = 2 }."
  value       = data.tencentcloud_organization_member_email_binds.all.bind_status_counts
}
