# Tests of examples/policy/member_email_bound.rego on the JSON of real plans
# of ../plan against each organization of ../world.json, loaded as data:
#
#   opa test examples/policy/member_email_bound.rego policy/ plans/
#
# with plans/compliant/plan.json, plans/unbound/plan.json and
# plans/failed/plan.json, each the output of terraform show -json. Each test
# pins the members the plan read and the exact set of deny messages, so that
# the policy denies each organization for exactly its members without a
# bound email: an Unbound member and a Failed one alike.
package terraform.organization_plans_test

import rego.v1

import data.terraform.organization

# members is the member UINs the plan read, so that a test cannot pass on a
# plan that read nothing.
members(plan) := {m.member_uin |
	some resource in plan.prior_state.values.root_module.resources
	resource.type == "tencentcloud_organization_member_email_binds"
	some m in resource.values.members
}

test_the_compliant_organization_is_not_denied if {
	members(data.plans.compliant) == {100033118101, 100033118102}
	denied := organization.deny with input as data.plans.compliant
	count(denied) == 0
}

test_the_unbound_organization_is_denied_for_its_unbound_member_only if {
	members(data.plans.unbound) == {200033118201, 200033118202}
	denied := organization.deny with input as data.plans.unbound
	denied == {"member 200033118202 has no bound email (bind_status is Unbound), read by data.tencentcloud_organization_member_email_binds.all"}
}

test_the_failed_organization_is_denied_for_its_failed_member_only if {
	members(data.plans.failed) == {300033118301, 300033118302}
	denied := organization.deny with input as data.plans.failed
	denied == {"member 300033118302 has no bound email (bind_status is Failed), read by data.tencentcloud_organization_member_email_binds.all"}
}
