# Tests of examples/policy/member_email_bound.rego on the JSON of real plans
# of ../plan against each organization of ../world.json, loaded as data:
#
#   opa test examples/policy/member_email_bound.rego policy/ plans/
#
# with plans/compliant/plan.json and plans/noncompliant/plan.json, each the
# output of terraform show -json.
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

test_the_noncompliant_organization_is_denied_for_its_unbound_and_failed_members if {
	members(data.plans.noncompliant) == {200033118201, 200033118202, 200033118203}
	denied := organization.deny with input as data.plans.noncompliant
	denied == {
		"member 200033118202 has no bound email (bind_status is Unbound), read by data.tencentcloud_organization_member_email_binds.all",
		"member 200033118203 has no bound email (bind_status is Failed), read by data.tencentcloud_organization_member_email_binds.all",
	}
}
