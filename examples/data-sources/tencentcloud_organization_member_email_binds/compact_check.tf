# A check that stays a few lines long in the plan output, however large the
# organization: the data source is read outside the check block, status-only,
# so the plan does not print its members, and the assertion compares counts.
# total > 0 keeps it from passing on an empty read.
data "tencentcloud_organization_member_email_binds" "status" {
  include_email_bind = false
}

locals {
  org   = data.tencentcloud_organization_member_email_binds.status
  bound = lookup(local.org.bind_status_counts, "Success", 0)
}

check "every_member_email_bound" {
  assert {
    condition     = local.org.total > 0 && local.bound == local.org.total
    error_message = "${local.org.total - local.bound} of ${local.org.total} members have no bound email: ${jsonencode(local.org.bind_status_counts)}."
  }
}
