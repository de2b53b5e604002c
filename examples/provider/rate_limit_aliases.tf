# Two aliases reading the same account: each runs in a plugin process of
# its own and slows down when Tencent Cloud throttles it, so together they
# share the account's 20 requests per second with no setting. rate_limit
# caps one of them, here keeping the report to a quarter of the budget.
provider "tencentcloud" {
  alias   = "audit"
  profile = "management"
}

provider "tencentcloud" {
  alias      = "report"
  profile    = "management"
  rate_limit = 5
}
