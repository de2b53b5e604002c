#!/usr/bin/env bash
# Builds the provider and the emulator, serves examples/demo/world.json on
# loopback and runs terraform init and apply on examples/demo against it.
# Called by `make demo`, which passes TERRAFORM and VERSION.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
terraform=${TERRAFORM:?set TERRAFORM to a terraform or tofu binary}
version=${VERSION:-0.1.0}
bin="$root/bin"
platform="$(go env GOOS)_$(go env GOARCH)"
# OpenTofu resolves "tcorg/tencentcloud" on its own registry host.
case "$(basename "$terraform")" in
  tofu*) host=registry.opentofu.org ;;
  *) host=registry.terraform.io ;;
esac

go build -ldflags "-X main.version=$version" -o "$bin/terraform-provider-tencentcloud" "$root"
go build -o "$bin/tencentcloud-emulator" "$root/cmd/tencentcloud-emulator"

work=$(mktemp -d)
. "$root/scripts/emulator.sh"
start_emulator "$bin/tencentcloud-emulator" "$root/examples/demo/world.json"
echo "==> Emulator serving examples/demo/world.json at $endpoint"

# dev_overrides makes Terraform run the provider just built. Terraform init
# still looks the provider up, so a filesystem mirror holding the same
# binary answers it without a registry.
mirror="$work/mirror/$host/tcorg/tencentcloud/$version/$platform"
mkdir -p "$mirror"
cp "$bin/terraform-provider-tencentcloud" "$mirror/terraform-provider-tencentcloud_v$version"
(cd "$root" && go run ./tools/cliconfig -host "$host" -plugin-dir "$bin" -mirror "$work/mirror") >"$work/cli.tfrc"

mkdir "$work/demo"
cp "$root"/examples/demo/*.tf "$work/demo/"

export TF_CLI_CONFIG_FILE="$work/cli.tfrc"
export CHECKPOINT_DISABLE=1
export TENCENTCLOUD_ORGANIZATION_ENDPOINT="$endpoint"
export TENCENTCLOUD_SECRET_ID=AKIDdemo00000000000000000000000000
export TENCENTCLOUD_SECRET_KEY=demo-secret-key-not-a-real-one

no_color=()
[ -t 1 ] || no_color=(-no-color)

echo "==> $terraform init"
"$terraform" -chdir="$work/demo" init -input=false "${no_color[@]}" >"$work/init.log" 2>&1 || { cat "$work/init.log" >&2; exit 1; }
echo "==> $terraform apply"
"$terraform" -chdir="$work/demo" apply -auto-approve -input=false "${no_color[@]}"
echo "==> Requests the emulator served"
cat "$work/emulator.log"
