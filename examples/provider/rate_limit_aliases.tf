# Two aliases reading the same account: each runs in a plugin process of
# its own with its own limiter, so together they split the account's 20
# requests per second.
provider "tencentcloud" {
  alias      = "audit"
  profile    = "management"
  rate_limit = 10
}

provider "tencentcloud" {
  alias      = "report"
  profile    = "management"
  rate_limit = 10
}
