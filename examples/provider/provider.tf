# Credentials are best taken from the environment:
#   export TENCENTCLOUD_SECRET_ID="AKID..."
#   export TENCENTCLOUD_SECRET_KEY="..."
provider "tencentcloud" {}

# Every argument, for reference. Arguments win over environment variables.
provider "tencentcloud" {
  alias = "explicit"

  secret_id  = var.secret_id
  secret_key = var.secret_key

  # The China site instead of the default international one.
  domain = "tencentcloudapi.com"
}

# Against the local emulator (see the README), or a private endpoint.
provider "tencentcloud" {
  alias = "emulator"

  endpoints {
    organization = "http://127.0.0.1:8080"
  }
}

variable "secret_id" {
  type = string
}

variable "secret_key" {
  type      = string
  sensitive = true
}
