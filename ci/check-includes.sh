#!/usr/bin/env bash
# Checks the house's boundaries: which folder may include which (the matrix below, which must
# itself have no cycle), gRPC only under server/rpc/ (and the gateway, benchmarks, fuzzers and
# tests), SOCI only in server/db/ and mysql_* files. Prints each include that breaks a rule.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# folder: the folders its files may include (besides its own and generated protos).
read -r -d '' MATRIX <<'TABLE' || true
lib:
server/db: lib
server/audit: lib server/db
server/events: lib server/db
server/identity: lib server/db
server/notification: lib server/db server/events server/identity
server/accounts: lib server/db server/events server/identity server/notification
server/money: lib server/db server/events server/identity
server/program: lib server/db server/events server/identity server/money
server/training: lib server/db server/events server/identity server/money server/program
server/partner_tier: lib server/db server/events server/identity server/money server/program server/claim
server/claim: lib server/db server/events server/identity server/money server/program
server/fund: lib server/db server/events server/identity server/money server/program server/claim
server/redemption: lib server/db server/events server/identity server/money server/program
server/payout: lib server/db server/events server/identity server/money server/program server/claim
server/dispute: lib server/db server/events server/money server/program server/claim
server/engagement: lib server/db server/events server/identity server/money server/program
server/recognition: lib server/db server/events server/identity server/money server/program server/training server/engagement
server/performance: lib server/db server/identity server/money server/program server/engagement
server/export: lib server/identity server/money server/program server/claim server/payout server/performance
server/demo: lib server/db server/identity server/money server/program server/training server/partner_tier server/claim server/fund server/redemption server/payout server/recognition server/engagement server/performance server/dispute
server/rpc: lib server/audit server/identity server/accounts server/money server/program server/training server/partner_tier server/claim server/fund server/payout server/recognition server/engagement server/performance server/export server/redemption server/dispute server/notification
server/jobs: lib server/audit server/recognition server/partner_tier server/notification
server/app: lib server/db server/audit server/identity server/accounts server/money server/program server/training server/partner_tier server/claim server/fund server/redemption server/payout server/recognition server/engagement server/performance server/export server/demo server/rpc server/jobs server/dispute server/notification
server: lib server/app
portal-gateway/http: lib
portal-gateway/transcode: lib portal-gateway/http
portal-gateway/edge: lib portal-gateway/http portal-gateway/transcode
portal-gateway: lib portal-gateway/http portal-gateway/transcode portal-gateway/edge
fuzz: lib portal-gateway/http portal-gateway/transcode
TABLE

declare -A allowed
edges=""
while IFS= read -r line; do
  [[ -z "$line" ]] && continue
  folder="${line%%:*}"
  allowed[$folder]=" ${line#*:} "
  for to in ${line#*:}; do edges+="$folder $to"$'\n'; done
done <<<"$MATRIX"
# The matrix itself must be a layering: tsort fails on a cycle.
if ! printf '%s' "$edges" | tsort >/dev/null 2>/tmp/check-includes.$$; then
  echo "ci/check-includes: the allowed matrix has a cycle:" >&2
  cat /tmp/check-includes.$$ >&2
  rm -f /tmp/check-includes.$$
  exit 1
fi
rm -f /tmp/check-includes.$$

problems=0
report() {
  echo "$1" >&2
  problems=$((problems + 1))
}
while IFS= read -r file; do
  folder="$(dirname "$file")"
  base="$(basename "$file")"
  if [[ -z "${allowed[$folder]+set}" ]]; then
    report "$file: folder $folder is not in ci/check-includes.sh's matrix"
    continue
  fi
  while IFS=: read -r lineno include; do
    [[ -z "$include" ]] && continue
    target="${include#*\"}"
    target="${target%\"*}"
    case "$include" in
      *'<grpcpp/'* | *'.grpc.pb.h"'*)
        [[ "$folder" == server/rpc || "$folder" == portal-gateway* || "$folder" == fuzz ]] ||
          report "$file:$lineno: gRPC is included only under server/rpc/ ($target)" ;;
      *'<soci/'*)
        [[ "$folder" == server/db || "$base" == mysql_* ]] ||
          report "$file:$lineno: SOCI is included only in server/db/ and mysql_* files" ;;
      *'"lib/'* | *'"server/'* | *'"portal-gateway/'* | *'"tests/'* | *'"bench/'*)
        to="$(dirname "$target")"
        [[ "$to" == "$folder" || "${allowed[$folder]}" == *" $to "* ]] ||
          report "$file:$lineno: $folder may not include $to ($target)" ;;
    esac
  done < <(grep -n '^#include' "$file" | sed 's/^\([0-9]*\):/\1:/')
done < <(git ls-files 'lib/*.h' 'lib/*.cc' 'server/*.h' 'server/*.cc' 'portal-gateway/*.h' \
  'portal-gateway/*.cc' 'fuzz/*.cc'; git ls-files --others --exclude-standard 'lib/*.h' \
  'lib/*.cc' 'server/*.h' 'server/*.cc' 'portal-gateway/*.h' 'portal-gateway/*.cc')

if ((problems > 0)); then
  echo "ci/check-includes: $problems include(s) cross a boundary (matrix in ci/check-includes.sh)" >&2
  exit 1
fi
echo "ci/check-includes: every include within the allowed matrix"
