#!/usr/bin/env bash
# Fails when the checked-in API types (src/lib/api/schema.ts) are not current:
#   1. the file is not what the OpenAPI document OPENAPI_JSON generates (gen-api.mjs --check);
#   2. in a git checkout, the file differs from what git has staged: the build regenerated it
#      from changed protos and the new text is not committed yet.
# Usage: scripts/check-api-types.sh OPENAPI_JSON (the build writes <build>/web/openapi.json).
set -euo pipefail
if [[ $# -ne 1 ]]; then
  echo "usage: $0 OPENAPI_JSON" >&2
  exit 2
fi
openapi="$(realpath "$1")"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
node scripts/gen-api.mjs --check "$openapi"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  if ! git diff --quiet -- src/lib/api/schema.ts; then
    echo "check-api-types: web/src/lib/api/schema.ts was regenerated from the current protos and differs" >&2
    echo "check-api-types: from the committed copy; commit it (git add web/src/lib/api/schema.ts)." >&2
    git --no-pager diff --stat -- src/lib/api/schema.ts >&2
    exit 1
  fi
else
  echo "check-api-types: not a git checkout; checked the file against the document only"
fi
echo "check-api-types: src/lib/api/schema.ts is current"
