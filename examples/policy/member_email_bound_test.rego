# Unit tests of member_email_bound.rego: opa test -v examples/policy
package terraform.organization_test

import rego.v1

import data.terraform.organization

# plan is a plan's JSON with root_module as its prior state's root module.
plan(root_module) := {"prior_state": {"values": {"root_module": root_module}}}

email_bind(address, uin, status) := {
	"address": address,
	"mode": "data",
	"type": "tencentcloud_organization_member_email_bind",
	"name": "member",
	"values": {"member_uin": uin, "bind_status": status, "email": null},
}

inventory(address, members) := {
	"address": address,
	"mode": "data",
	"type": "tencentcloud_organization_member_email_binds",
	"name": "all",
	"values": {
		"members": members,
		"total": count(members),
		"listing_consistent": true,
	},
}

# member is an inventory member as the default include_email_bind = true reads it.
member(uin, status) := {
	"member_uin": uin,
	"name": sprintf("member-%d", [uin]),
	"bind_status": status,
	"email_bind": {"bind_id": 1, "bind_status": status, "email": "m@example.com"},
}

# listed_member is a member read with include_email_bind = false.
listed_member(uin, status) := {
	"member_uin": uin,
	"name": sprintf("member-%d", [uin]),
	"bind_status": status,
	"email_bind": null,
}

test_bound_members_of_both_data_sources_pass if {
	denied := organization.deny with input as plan({"resources": [
		email_bind("data.tencentcloud_organization_member_email_bind.payer", 100033118201, "Success"),
		inventory("data.tencentcloud_organization_member_email_binds.all", [
			member(100033118201, "Success"),
			member(100033118202, "Success"),
		]),
	]})
	count(denied) == 0
}

test_unbound_member_of_the_single_data_source_is_denied if {
	denied := organization.deny with input as plan({"resources": [
		email_bind("data.tencentcloud_organization_member_email_bind.payer", 100033118201, "Success"),
		email_bind("data.tencentcloud_organization_member_email_bind.dev", 100033118203, "Unbound"),
	]})
	denied == {"member 100033118203 has no bound email (bind_status is Unbound)"}
}

test_unbound_member_of_the_inventory_is_denied if {
	denied := organization.deny with input as plan({"resources": [inventory("data.tencentcloud_organization_member_email_binds.all", [
		member(100033118201, "Success"),
		member(100033118202, "Failed"),
		member(100033118203, "Unbound"),
	])]})
	denied == {
		"member 100033118202 has no bound email (bind_status is Failed), read by data.tencentcloud_organization_member_email_binds.all",
		"member 100033118203 has no bound email (bind_status is Unbound), read by data.tencentcloud_organization_member_email_binds.all",
	}
}

test_a_null_status_is_denied if {
	denied := organization.deny with input as plan({"resources": [
		email_bind("data.tencentcloud_organization_member_email_bind.payer", 100033118201, null),
		inventory("data.tencentcloud_organization_member_email_binds.all", [member(100033118202, null)]),
	]})
	denied == {
		"member 100033118201 has no bound email (bind_status is null)",
		"member 100033118202 has no bound email (bind_status is null), read by data.tencentcloud_organization_member_email_binds.all",
	}
}

test_reads_in_modules_two_levels_deep_are_denied if {
	denied := organization.deny with input as plan({
		"resources": [email_bind("data.tencentcloud_organization_member_email_bind.payer", 100033118201, "Success")],
		"child_modules": [
			{"address": "module.other", "resources": []},
			{
				"address": "module.audit",
				"child_modules": [{
					"address": "module.audit.module.inventory",
					"resources": [
						inventory("module.audit.module.inventory.data.tencentcloud_organization_member_email_binds.all", [
							member(100033118201, "Success"),
							member(100033118203, "Unbound"),
						]),
						email_bind("module.audit.module.inventory.data.tencentcloud_organization_member_email_bind.dev", 100033118204, "Valid"),
					],
				}],
			},
		],
	})
	denied == {
		"member 100033118203 has no bound email (bind_status is Unbound), read by module.audit.module.inventory.data.tencentcloud_organization_member_email_binds.all",
		"member 100033118204 has no bound email (bind_status is Valid)",
	}
}

test_reads_in_modules_three_levels_deep_are_denied if {
	deepest := {"resources": [inventory("module.a.module.b.module.c.data.tencentcloud_organization_member_email_binds.all", [member(100033118203, "Unbound")])]}
	denied := organization.deny with input as plan({"child_modules": [{"child_modules": [{"child_modules": [deepest]}]}]})
	denied == {"member 100033118203 has no bound email (bind_status is Unbound), read by module.a.module.b.module.c.data.tencentcloud_organization_member_email_binds.all"}
}

test_without_email_bind_the_listing_status_counts if {
	denied := organization.deny with input as plan({"resources": [inventory("data.tencentcloud_organization_member_email_binds.all", [
		listed_member(100033118201, "Success"),
		listed_member(100033118203, "Unbound"),
	])]})
	denied == {"member 100033118203 has no bound email (bind_status is Unbound), read by data.tencentcloud_organization_member_email_binds.all"}
}

test_the_binding_status_wins_over_the_listing_status if {
	listed_unbound_now_bound := object.union(member(100033118201, "Success"), {"bind_status": "Unbound"})
	listed_bound_now_failed := object.union(member(100033118202, "Failed"), {"bind_status": "Success"})
	denied := organization.deny with input as plan({"resources": [inventory("data.tencentcloud_organization_member_email_binds.all", [
		listed_unbound_now_bound,
		listed_bound_now_failed,
	])]})
	denied == {"member 100033118202 has no bound email (bind_status is Failed), read by data.tencentcloud_organization_member_email_binds.all"}
}

test_a_read_deferred_to_apply_is_denied if {
	denied := organization.deny with input as {
		"prior_state": {"values": {"root_module": {}}},
		"resource_changes": [
			{
				"address": "module.audit.data.tencentcloud_organization_member_email_binds.later",
				"mode": "data",
				"type": "tencentcloud_organization_member_email_binds",
				"action_reason": "read_because_config_unknown",
				"change": {"actions": ["read"], "after_unknown": {"members": true}},
			},
			{
				"address": "terraform_data.uin",
				"mode": "managed",
				"type": "terraform_data",
				"change": {"actions": ["create"]},
			},
		],
	}
	denied == {"module.audit.data.tencentcloud_organization_member_email_binds.later is read only during apply (read_because_config_unknown), so this plan cannot show its email bindings; make its arguments known at plan time"}
}

# A check block's data source is read during plan and again during apply:
# it is in resource_changes as a read, and in the prior state with its values.
test_a_check_block_read_during_plan_is_checked_by_its_values if {
	address := "data.tencentcloud_organization_member_email_binds.audit"
	denied := organization.deny with input as object.union(
		plan({"resources": [inventory(address, [member(100033118201, "Success")])]}),
		{"resource_changes": [{
			"address": address,
			"mode": "data",
			"type": "tencentcloud_organization_member_email_binds",
			"action_reason": "read_because_check_nested",
			"change": {"actions": ["read"]},
		}]},
	)
	count(denied) == 0
}

test_other_data_sources_are_ignored if {
	other := object.union(email_bind("data.tencentcloud_other.x", 1, "Unbound"), {"type": "tencentcloud_other"})
	denied := organization.deny with input as plan({"resources": [other]})
	count(denied) == 0
}

test_a_plan_that_reads_nothing_passes if {
	count(organization.deny) == 0 with input as {"format_version": "1.2"}
}
