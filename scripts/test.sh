#!/usr/bin/env bash
# `npm test`: the typecheck (both projects) and lint, side by side, then vitest; the line fails
# when any of them fails (docs/testing.md § Speed). The typecheck's and lint's results are printed
# before vitest starts, vitest's output streams as it comes. Arguments go to vitest
# (`npm test -- test/config.test.ts`).
#
# Before vitest, not beside it (D248, replacing D108's overlap and D232's nice 19): with
# TypeScript 7's native compiler the three take about 10 s of wall on two cores, and beside
# vitest they had cost its two workers 35–115 s (the workers are CPU-bound: 156 % of two cores).
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# Node's on-disk compile cache for tsc, eslint and vitest (vitest.config.ts sets it for its workers too).
export NODE_COMPILE_CACHE="${NODE_COMPILE_CACHE:-${TMPDIR:-/tmp}/node-compile-cache}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# run NAME COMMAND...: in the background, output to $out/NAME.log, exit code and seconds to $out/NAME.rc
run() {
  local name="$1"
  shift
  (
    start=$(now_ms)
    "$@" >"$out/$name.log" 2>&1
    rc=$?
    ms=$(( $(now_ms) - start ))
    echo "$rc $(( ms / 1000 )).$(( ms % 1000 / 100 ))" >"$out/$name.rc"
  ) &
}

# TypeScript 7 (the native compiler, D248): `typescript7` in package.json; `typescript` 5.9 stays for
# typescript-eslint's parser and the dependencies test, which use its JavaScript API.
TSC=(node node_modules/typescript7/bin/tsc)
run typecheck-hub "${TSC[@]}" --noEmit -p .
run typecheck-web "${TSC[@]}" --noEmit -p web
run lint npx --no-install eslint .
wait

status=0
for name in typecheck-hub typecheck-web lint; do
  read -r rc seconds <"$out/$name.rc" || { rc=1; seconds='?'; }
  if [[ "$rc" == 0 ]]; then
    echo "$name: OK ($seconds s)"
  else
    echo "$name: FAILED (exit $rc, $seconds s)"
    sed 's/^/  /' "$out/$name.log"
    status=1
  fi
done

# Vitest runs even when the typecheck or lint failed: one run reports every failure.
start=$(now_ms)
npx --no-install vitest run "$@"
vitest_rc=$?
vitest_ms=$(( $(now_ms) - start ))

echo
if [[ "$vitest_rc" == 0 ]]; then
  echo "vitest: OK ($(( vitest_ms / 1000 )).$(( vitest_ms % 1000 / 100 )) s)"
else
  echo "vitest: FAILED (exit $vitest_rc)"
  status=1
fi
exit $status
