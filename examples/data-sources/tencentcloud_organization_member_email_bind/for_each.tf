# Read many members at once: the provider paces the reads to the API's
# 20 requests per second, whatever -parallelism is.
variable "member_uins" {
  description = "Member accounts to audit."
  type        = list(number)
  default     = [100033118139, 100033118140]
}

data "tencentcloud_organization_member_email_bind" "members" {
  for_each   = toset([for uin in var.member_uins : tostring(uin)])
  member_uin = tonumber(each.key)
}

output "bind_status_by_member" {
  description = "Each member's email binding status, keyed by member UIN."
  value       = { for uin, member in data.tencentcloud_organization_member_email_bind.members : uin => member.bind_status }
}

output "members_without_bound_email" {
  description = "Members whose email binding has not succeeded."
  value       = sort([for uin, member in data.tencentcloud_organization_member_email_bind.members : uin if member.bind_status != "Success"])
}
