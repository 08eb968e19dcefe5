#!/usr/bin/env bash
# `npm test`: the typecheck (both projects), lint and vitest run at the same time, and the line
# fails when any of them fails (docs/testing.md § Speed). Vitest's output streams as it comes;
# the typecheck's and lint's are printed after it, with their exit codes. Arguments go to vitest
# (`npm test -- test/config.test.ts`).
#
# Vitest spends much of its time waiting on hub servers and PostgreSQL; tsc and eslint are pure
# CPU, so they fill the cores vitest leaves idle instead of running for a minute before it starts.
# They run at the lowest priority (nice 19): about 100 s of CPU that would otherwise take the
# cores from vitest's two workers, the run's critical path, while both are busy; they get what
# the workers leave (docs/testing.md § Speed).
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

# TypeScript 7 (the native compiler, D2xx-ts7-1): `typescript7` in package.json; `typescript` 5.9 stays for
# typescript-eslint's parser and the dependencies test, which use its JavaScript API.
TSC=(node node_modules/typescript7/bin/tsc)
run typecheck-hub nice -n 19 "${TSC[@]}" --noEmit -p .
run typecheck-web nice -n 19 "${TSC[@]}" --noEmit -p web
run lint nice -n 19 npx --no-install eslint .

start=$(now_ms)
npx --no-install vitest run "$@"
vitest_rc=$?
vitest_ms=$(( $(now_ms) - start ))

wait
status=0
echo
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
if [[ "$vitest_rc" == 0 ]]; then
  echo "vitest: OK ($(( vitest_ms / 1000 )).$(( vitest_ms % 1000 / 100 )) s)"
else
  echo "vitest: FAILED (exit $vitest_rc)"
  status=1
fi
exit $status
