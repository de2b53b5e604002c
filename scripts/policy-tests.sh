#!/usr/bin/env bash
# Runs the policy tests of examples/policy-tests against the emulator
# serving its world.json, with no cloud account:
#  - `terraform test` (or `tofu test`) with every CLI in CLIS, each finding
#    the provider built from this checkout through dev_overrides;
#  - `opa test` of examples/policy/member_email_bound.rego on the JSON of a
#    plan of examples/policy-tests/plan against each organization, made by
#    each CLI.
# Called by `make test-policy-examples`, which passes CLIS (space-separated
# CLI paths, each with `test`: Terraform 1.6 or later, OpenTofu), OPA and
# VERSION. Every CLI runs even after one fails; the script fails if any did.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
clis=${CLIS:?set CLIS to the terraform and tofu binaries to run terraform test with}
opa=${OPA:?set OPA to an opa binary}
version=${VERSION:-0.1.0}
examples="$root/examples/policy-tests"

work=$(mktemp -d)
. "$root/scripts/emulator.sh"

go build -ldflags "-X main.version=$version" -o "$work/plugins/terraform-provider-tencentcloud" "$root"
go build -o "$work/tencentcloud-emulator" "$root/cmd/tencentcloud-emulator"

start_emulator "$work/tencentcloud-emulator" "$examples/world.json"
echo "==> Emulator serving examples/policy-tests/world.json at $endpoint"

export CHECKPOINT_DISABLE=1
export TENCENTCLOUD_ORGANIZATION_ENDPOINT="$endpoint"
unset TENCENTCLOUD_SECRET_ID TENCENTCLOUD_SECRET_KEY TENCENTCLOUD_SECURITY_TOKEN

# plan_json writes to $3 the JSON of a plan of examples/policy-tests/plan,
# made by CLI $1 in workspace $2 with the key pair of one organization ($4 $5).
plan_json() {
  local cli=$1 dir=$2 out=$3
  mkdir -p "$(dirname "$out")"
  TENCENTCLOUD_SECRET_ID=$4 TENCENTCLOUD_SECRET_KEY=$5 \
    "$cli" -chdir="$dir" plan -input=false -no-color -out=plan.tfplan >"$dir/plan.log" 2>&1 || { cat "$dir/plan.log" >&2; return 1; }
  "$cli" -chdir="$dir" show -json plan.tfplan >"$out"
}

failed=()
runs=$(cat "$examples"/tests/*.tftest.hcl | grep -c '^run "')
for cli in $clis; do
  name=$(basename "$cli")
  case "$name" in
    tofu*) host=registry.opentofu.org ;;
    *) host=registry.terraform.io ;;
  esac
  # dev_overrides runs the provider just built; `test` needs no init with it.
  (cd "$root" && go run ./tools/cliconfig -host "$host" -plugin-dir "$work/plugins") >"$work/$name.tfrc"
  export TF_CLI_CONFIG_FILE="$work/$name.tfrc"

  # Terraform 1.5's experimental `terraform test` knows no .tftest.hcl
  # file and passes, finding "no tests": refuse it rather than pass.
  # sed reads all of the output, where head would stop at the first line and
  # let the CLI die of SIGPIPE, failing the pipeline under pipefail.
  cli_version=$("$cli" version 2>/dev/null | sed -n 1p)
  case "$cli_version" in
    "Terraform v0."* | "Terraform v1."[0-5].*)
      echo "$cli is $cli_version, which has no terraform test with .tftest.hcl files (Terraform 1.6 or later)" >&2
      exit 1
      ;;
  esac

  # A copy, so that nothing the CLI writes lands in the checkout.
  mkdir -p "$work/$name"
  cp -R "$examples/." "$work/$name/"
  echo "==> $name test (examples/policy-tests: $cli_version)"
  # Passing is every run block passing, not an exit status alone.
  if "$cli" -chdir="$work/$name" test -no-color 2>&1 | tee "$work/$name.test.log" &&
    grep -q "^Success! $runs passed, 0 failed\.$" "$work/$name.test.log"; then
    :
  else
    failed+=("$name test")
  fi

  echo "==> opa test of examples/policy/member_email_bound.rego on plans made by $name"
  plans="$work/$name-opa"
  if plan_json "$cli" "$work/$name/plan" "$plans/plans/compliant/plan.json" \
    AKIDcompliant000000000000000000000 compliant-test-key-not-a-real-one &&
    plan_json "$cli" "$work/$name/plan" "$plans/plans/unbound/plan.json" \
      AKIDunbound00000000000000000000000 unbound-test-key-not-a-real-one &&
    plan_json "$cli" "$work/$name/plan" "$plans/plans/failed/plan.json" \
      AKIDfailed000000000000000000000000 failed-test-key-not-a-real-one &&
    "$opa" test -v "$root/examples/policy/member_email_bound.rego" "$examples/policy" "$plans"; then
    :
  else
    failed+=("opa test on plans made by $name")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "==> The policy tests passed with: $clis"
