# Audit the organization from another account: sign with the key pair of
# the tccli profile "audit" and assume a role in the management account.
# The role's temporary credential is refreshed before it expires.
provider "tencentcloud" {
  profile = "audit"

  assume_role {
    role_arn         = "qcs::cam::uin/100000000001:roleName/auditor"
    session_name     = "terraform-audit"
    session_duration = 3600
  }
}
