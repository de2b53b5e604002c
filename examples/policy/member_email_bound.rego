# An OPA / Conftest policy on a plan's JSON (terraform show -json plan.tfplan):
# deny the plan when any member read by tencentcloud_organization_member_email_bind
# or tencentcloud_organization_member_email_binds has no bound email.
#
# Data sources read during plan appear, with every attribute, under
# prior_state.values: in root_module, and in child_modules at any depth for
# reads inside modules. The policy walks them all, because a read the policy
# does not see would let the plan through unchecked. For the same reason, a
# read that waits for apply (its arguments are not known yet) is denied: the
# plan holds none of its values, so nothing can be checked.
package terraform.organization

import rego.v1

email_bind_type := "tencentcloud_organization_member_email_bind"

email_binds_type := "tencentcloud_organization_member_email_binds"

# modules holds the root module and every module under it. walk visits every
# value under root_module; a module is one reached only through
# child_modules steps: [], ["child_modules", 0], ["child_modules", 0, "child_modules", 1], ...
modules contains module if {
	walk(input.prior_state.values.root_module, [path, module])
	count(path) % 2 == 0
	every i, step in path {
		module_step(i, step)
	}
}

module_step(i, _) if i % 2 == 1

module_step(i, step) if {
	i % 2 == 0
	step == "child_modules"
}

# read_during_plan holds the data sources of both types in the plan's prior
# state, wherever they are.
read_during_plan contains resource if {
	some module in modules
	some resource in module.resources
	resource.mode == "data"
	resource.type in {email_bind_type, email_binds_type}
}

# email_binds holds the values of every tencentcloud_organization_member_email_bind.
email_binds contains resource.values if {
	some resource in read_during_plan
	resource.type == email_bind_type
}

# inventories holds every tencentcloud_organization_member_email_binds, with its address.
inventories contains resource if {
	some resource in read_during_plan
	resource.type == email_binds_type
}

# binding_status is the status that counts: the binding record's, or the
# listing's when the binding was not read (include_email_bind = false).
binding_status(member) := object.get(member.email_bind, "bind_status", null) if {
	object.get(member, "email_bind", null) != null
} else := object.get(member, "bind_status", null)

deny contains message if {
	some member in email_binds
	status := object.get(member, "bind_status", null)
	status != "Success"
	message := sprintf("member %d has no bound email (bind_status is %v)", [member.member_uin, status])
}

deny contains message if {
	some inventory in inventories
	some member in inventory.values.members
	status := binding_status(member)
	status != "Success"
	message := sprintf(
		"member %d has no bound email (bind_status is %v), read by %s",
		[member.member_uin, status, inventory.address],
	)
}

# A read deferred to apply appears only in resource_changes, with unknown values.
deny contains message if {
	some change in input.resource_changes
	change.mode == "data"
	change.type in {email_bind_type, email_binds_type}
	"read" in change.change.actions
	not planned_address(change.address)
	message := sprintf(
		"%s is read only during apply (%v), so this plan cannot show its email bindings; make its arguments known at plan time",
		[change.address, object.get(change, "action_reason", "its arguments are unknown")],
	)
}

planned_address(address) if {
	some resource in read_during_plan
	resource.address == address
}
