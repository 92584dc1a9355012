#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy: bugs and needless copies) on the C++ sources a change touches:
# the files changed since CIM_TIDY_BASE (default HEAD~1, the last commit) plus uncommitted
# ones, or every source with --all. Needs a configured build (compile_commands.json of the dev
# preset). Any finding fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
command -v clang-tidy >/dev/null || { echo "ci/tidy: clang-tidy not installed" >&2; exit 1; }
BUILD="${CIM_TIDY_BUILD:-$ROOT/build/dev}"
[[ -f "$BUILD/compile_commands.json" ]] || { echo "ci/tidy: no $BUILD/compile_commands.json" >&2; exit 1; }

sources=(lib server portal-gateway)
if [[ "${1:-}" == "--all" ]]; then
  mapfile -t files < <(git ls-files "${sources[@]/%//*.cc}")
else
  base="${CIM_TIDY_BASE:-HEAD~1}"
  git rev-parse --verify -q "$base" >/dev/null || base="$(git rev-list --max-parents=0 HEAD)"
  mapfile -t files < <({ git diff --name-only --diff-filter=AMR "$base" -- "${sources[@]}";
                         git ls-files --others --exclude-standard -- "${sources[@]}"; } |
                       grep -E '\.cc$' | sort -u)
fi
# Only files that exist (and that the build compiles).
existing=()
for f in "${files[@]}"; do
  [[ -f "$f" ]] && grep -q "\"file\": \"[^\"]*/$f\"" "$BUILD/compile_commands.json" && existing+=("$f")
done
if ((${#existing[@]} == 0)); then
  echo "ci/tidy: no C++ source changed"
  exit 0
fi
echo "ci/tidy: ${#existing[@]} file(s)"
printf '%s\n' "${existing[@]}" |
  xargs -P "${CIM_TIDY_JOBS:-2}" -n 4 clang-tidy -p "$BUILD" --quiet 2>/dev/null |
  tee /tmp/cim-tidy.$$ | grep -E "(error|warning):" || true
if grep -qE "(error|warning):" /tmp/cim-tidy.$$; then
  rm -f /tmp/cim-tidy.$$
  echo "ci/tidy: clang-tidy found problems above" >&2
  exit 1
fi
rm -f /tmp/cim-tidy.$$
echo "ci/tidy: clean"
