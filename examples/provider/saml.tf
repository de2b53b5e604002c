# Sign in through the enterprise identity provider: pass its SAML assertion
# (base64) in, for example with TF_VAR_saml_assertion, and the provider
# exchanges it for the role's temporary credential without any API key.
variable "saml_assertion" {
  type      = string
  sensitive = true
}

provider "tencentcloud" {
  assume_role_with_saml {
    role_arn       = "qcs::cam::uin/100000000001:roleName/auditor"
    principal_arn  = "qcs::cam::uin/100000000001:saml-provider/corp"
    saml_assertion = var.saml_assertion
  }
}
