#!/usr/bin/env bash
# Checks that C++ sources follow .clang-format (Google base). Fix with:
#   clang-format -i $(git ls-files '*.cc' '*.h')
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v clang-format >/dev/null || { echo "ci/lint: clang-format not installed" >&2; exit 1; }
listing="$(git ls-files '*.cc' '*.h')"
mapfile -t files <<<"$listing"
if [[ -z "$listing" ]]; then
  echo "ci/lint: no C++ files found (is this a git checkout?)" >&2
  exit 1
fi
if ! clang-format --dry-run -Werror "${files[@]}"; then
  echo "ci/lint: files above are not clang-formatted" >&2
  exit 1
fi
echo "ci/lint: ${#files[@]} files formatted"
"$(dirname "${BASH_SOURCE[0]}")/check-includes.sh"
"$(dirname "${BASH_SOURCE[0]}")/check-test-mirror.sh"
"$(dirname "${BASH_SOURCE[0]}")/check-error-texts.py"
