#!/usr/bin/env bash
# Usage: scripts/build-terraform.sh VERSION OUTPUT
#
# Builds Terraform VERSION (tested with 1.14.3) from its module on the Go module
# proxy into OUTPUT, with nothing but Go. `go install` cannot build these
# versions, and neither can `go build` in the downloaded module: their go.mod
# requires nested modules (internal/legacy and, in 1.14, nine backends under
# internal/backend/remote-state: azure, consul, cos, gcs, kubernetes, oci,
# oss, pg and s3) through replace directives pointing at directories that
# the module zip leaves out, because each holds its own go.mod.
#
# So this builds a copy, never the read-only module cache, from which it
# drops every nested module that is absent:
# - its require and replace lines in go.mod;
# - for a backend, its import and its entry in the backend list of
#   internal/backend/init/init.go, the only file but tests importing them.
#   The binary then rejects `backend "s3"` and the others dropped as an
#   unsupported backend type. That does not matter for the tests: their
#   configurations declare no backend, so state stays in the local backend,
#   which is kept, like the http, inmem, remote and cloud backends.
# - internal/legacy is imported by tests alone (internal/command/views), so
#   the binary does not lose anything with it.
# The script fails, rather than build something else, if anything but a
# test or init.go still imports a dropped module.
#
# The binary reports VERSION-dev, as any build without HashiCorp's release
# linker flags does. It skips the build when OUTPUT exists.
set -euo pipefail

if [ $# -ne 2 ]; then
	echo "usage: $0 VERSION OUTPUT" >&2
	exit 2
fi
version=$1
out=$2
if [ -e "$out" ]; then
	echo "$out exists: nothing to build."
	exit 0
fi
case $out in /*) ;; *) out=$PWD/$out ;; esac

module=github.com/hashicorp/terraform
init_go=internal/backend/init/init.go

dir=$(go mod download -json "$module@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
if [ -z "$dir" ] || [ ! -f "$dir/go.mod" ]; then
	echo "go mod download gave no source directory for $module@v$version" >&2
	exit 1
fi

work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
cp -R "$dir"/. "$work/src"
chmod -R u+w "$work/src"
cd "$work/src"

# The nested modules whose replace directive names a directory that is absent.
dropped=$(sed -n "s|^replace \($module/[^ ]*\) => \./\([^ ]*\)\$|\1 \2|p" go.mod |
	while read -r path reldir; do
		if [ ! -d "$reldir" ]; then echo "$path"; fi
	done)
if [ -z "$dropped" ]; then
	echo "$module@v$version requires no absent nested module: building it as is."
fi

for path in $dropped; do
	echo "dropping $path"
	go mod edit -droprequire="$path" -dropreplace="$path"
	# A backend: its import `alias "path"` and its entry returning alias.New().
	alias=$(sed -n "s|^[[:space:]]*\([A-Za-z0-9_]*\)[[:space:]]*\"$path\"\$|\1|p" "$init_go")
	if [ -n "$alias" ]; then
		grep -v -F -e "\"$path\"" -e " $alias.New(" "$init_go" >"$work/init.go"
		mv "$work/init.go" "$init_go"
		if grep -q -F "$alias." "$init_go"; then
			echo "$init_go still uses $alias ($path) after patching" >&2
			exit 1
		fi
	fi
	# Nothing else that goes into the binary may import it.
	importers=$(grep -rl --include='*.go' -F "\"$path" . | grep -v '_test\.go$' || true)
	if [ -n "$importers" ]; then
		echo "$path is dropped but still imported by:" $importers >&2
		exit 1
	fi
done

echo "building $module@v$version into $out"
GOFLAGS=-mod=mod go build -trimpath -o "$work/terraform" .
# Copied next to OUTPUT, then renamed: OUTPUT never holds a partial binary.
mkdir -p "$(dirname "$out")"
cp "$work/terraform" "$out.tmp"
mv "$out.tmp" "$out"
