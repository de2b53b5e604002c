# In a TKE pod whose service account is bound to a CAM role: TKE sets
# TKE_REGION, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_PROVIDER_ID and TKE_ROLE_ARN,
# and the provider exchanges the pod's token for the role's credential.
provider "tencentcloud" {
  enable_pod_oidc = true
}
