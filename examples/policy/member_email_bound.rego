# An OPA / Conftest policy on a plan's JSON (terraform show -json plan.tfplan):
# deny the plan when any member read by tencentcloud_organization_member_email_bind
# has no bound email. Data sources read during plan appear, with every
# attribute, under prior_state.values; those in modules under child_modules.
package terraform.organization

import rego.v1

email_binds contains resource.values if {
	some resource in input.prior_state.values.root_module.resources
	resource.mode == "data"
	resource.type == "tencentcloud_organization_member_email_bind"
}

deny contains message if {
	some member in email_binds
	member.bind_status != "Success"
	message := sprintf("member %d has no bound email (bind_status is %v)", [member.member_uin, member.bind_status])
}
