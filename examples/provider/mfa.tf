# Certify the API key of the tccli profile "audit" with the current code of
# its MFA device, for example `TF_VAR_mfa_code=123456 terraform plan`. A code
# is single-use: each run (plan, then apply) needs a new one.
variable "mfa_code" {
  type      = string
  sensitive = true
}

provider "tencentcloud" {
  profile = "audit"

  mfa_certification {
    serial_number    = "qcs::cam:uin/100000000001::mfa/softToken"
    token_code       = var.mfa_code
    duration_seconds = 3600
  }
}
