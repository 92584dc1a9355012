#!/usr/bin/env bash
# Tests mirror files (run by ci/lint.sh): every C++ source file of lib/, server/ and portal-gateway/ has a test file
# at the same path under tests/ (x/y.cc → tests/x/y_test.cc), registered in tests/CMakeLists.txt,
# unless the list below names it with the reason it has none. Prints each file without one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# file: why it has no test of its own (what runs it instead).
read -r -d '' UNMIRRORED <<'TABLE' || true
server/main.cc: a thin main; the e2e, cluster and fault tests run the binary
portal-gateway/main.cc: a thin main; the e2e, cluster and fault tests run the binary
server/app/repositories.cc: builds every store; every service test runs it (tests/testing/test_server)
server/jobs/background_jobs.cc: starts the scheduled jobs, each tested in its own file
server/demo/demo_data.cc: demo seed; run whole by commands_test and the e2e tests
server/demo/demo_programs.cc: demo seed; run whole by commands_test and the e2e tests
server/demo/demo_engagement.cc: demo seed; run whole by commands_test and the e2e tests
server/demo/demo_performance.cc: demo seed; run whole by commands_test and the e2e tests
server/demo/demo_disputes.cc: demo seed; run whole by commands_test and the e2e tests
server/demo/demo_recognition.cc: demo seed; run whole by commands_test and the e2e tests
server/demo/demo_rewards.cc: demo seed; run whole by commands_test and the e2e tests
TABLE

declare -A exempt
while IFS=: read -r file reason; do
  [[ -n "$file" ]] && exempt["$file"]="$reason"
done <<<"$UNMIRRORED"

missing=0
while read -r source; do
  test="tests/${source%.cc}_test.cc"
  if [[ -n "${exempt[$source]:-}" ]]; then
    if [[ -f "$test" ]]; then
      echo "ci/check-test-mirror: $source has $test now: remove it from the list" >&2
      missing=$((missing + 1))
    fi
    continue
  fi
  if [[ ! -f "$test" ]]; then
    echo "ci/check-test-mirror: $source has no $test" >&2
    missing=$((missing + 1))
  elif ! grep -q "${test#tests/}" tests/CMakeLists.txt; then
    echo "ci/check-test-mirror: $test is not built (tests/CMakeLists.txt)" >&2
    missing=$((missing + 1))
  fi
done < <(git ls-files 'lib/*.cc' 'server/*.cc' 'portal-gateway/*.cc')
for source in "${!exempt[@]}"; do
  [[ -f "$source" ]] || { echo "ci/check-test-mirror: $source is listed but gone" >&2; missing=$((missing + 1)); }
done
if ((missing > 0)); then
  echo "ci/check-test-mirror: $missing source files without a mirrored test" >&2
  exit 1
fi
echo "ci/check-test-mirror: every source file has its test (${#exempt[@]} listed with a reason)"
