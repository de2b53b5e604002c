terraform {
  required_providers {
    tencentcloud = {
      source  = "tcorg/tencentcloud"
      version = "~> 0.1"
    }
  }
}

provider "tencentcloud" {}

data "tencentcloud_organization_member_email_bind" "member" {
  member_uin = 100033118139
}

output "member_email_bound" {
  value = data.tencentcloud_organization_member_email_bind.member.bind_status == "Success"
}
