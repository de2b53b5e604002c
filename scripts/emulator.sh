# Sourced by demo.sh and policy-tests.sh, after they set work to a scratch
# directory: serves a world file with the emulator in the background, and
# on exit stops it and removes work. The emulator's log is work/emulator.log.

emulator_pid=""
cleanup() {
  if [ -n "$emulator_pid" ]; then kill "$emulator_pid" 2>/dev/null || true; wait "$emulator_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# start_emulator serves world $2 with emulator binary $1 on loopback and
# sets endpoint to its Organization URL, once every service listens: the
# emulator writes --ready-file whole at that moment.
start_emulator() {
  "$1" --listen 127.0.0.1:0 --world "$2" --ready-file "$work/ready.env" \
    >"$work/emulator.out" 2>"$work/emulator.log" &
  emulator_pid=$!
  for _ in $(seq 100); do
    [ -s "$work/ready.env" ] && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat "$work/emulator.log" >&2; exit 1; }
    sleep 0.1
  done
  endpoint=$(sed -n 's/^TENCENTCLOUD_ORGANIZATION_ENDPOINT=//p' "$work/ready.env" 2>/dev/null)
  [ -n "$endpoint" ] || { echo "the emulator did not start" >&2; cat "$work/emulator.log" >&2; exit 1; }
}
