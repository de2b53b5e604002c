# In CI, without any API key: exchange the job's OIDC token for a role's
# temporary credential. GitHub Actions (with `permissions: id-token: write`)
# or GitLab writes the token to a file; the provider reads the file again
# for every exchange, so a token rotated during a long run is picked up.
# allowed_account_ids makes sure the plan reads the production account only.
provider "tencentcloud" {
  assume_role_with_web_identity {
    provider_id             = "github"
    role_arn                = "qcs::cam::uin/100000000001:roleName/auditor"
    session_name            = "github-actions"
    web_identity_token_file = "/tmp/tencentcloud-oidc-token"
  }

  allowed_account_ids = ["100000000001"]
}
