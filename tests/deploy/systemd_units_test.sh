#!/usr/bin/env bash
# Checks the systemd units in deploy/systemd with `systemd-analyze verify`, offline and
# hermetically, and fails on any message it prints, not only on its exit status: a misspelt
# directive is only a warning ("Unknown key 'Restrt' in section [Service], ignoring.") and, for
# a unit verified on its own, leaves the exit status 0.
#
# Usage: systemd_units_test.sh [DEPLOY_DIR]   (default: the repository's deploy/)
#
# How it stays offline and hermetic:
# - `systemd-analyze verify` needs no running systemd (it loads the units into a manager of its
#   own in test mode), so it works in a container whose PID 1 is not systemd and without root.
#   --generators=no: no generators (some need root, and they read the host's fstab etc.).
#   --man=no: no `man` look-ups for Documentation= (man-db need not be installed).
# - The units are copied into a temporary directory, and /usr/local/bin/ in them is rewritten to
#   stand-in executables created there, because verify fails on an ExecStart= binary that does
#   not exist or is not executable (this also catches a misspelt binary name in a unit).
# - SYSTEMD_UNIT_PATH is that directory alone, so no unit of the host (mariadb.service, targets,
#   drop-ins in /etc/systemd/system) takes part. Stand-ins are created for the units the default
#   dependencies pull in with Requires= (sysinit.target; missing ones would be errors) and for
#   the units named in Wants=/After=/Before= (missing ones would merely be ignored).
# - As root, verify would still touch /run/systemd/systemd-units-load (the system manager records
#   when it loaded units; systemd 252 does so even in test mode and with --root=), creating it if
#   missing. Run as root, the test therefore runs verify as nobody (setpriv, util-linux), for
#   whom that write fails and is ignored; verify's own scratch directories in /tmp are
#   removed by it.
# - User=cim is verified as written: systemd 252 (Debian 12) does not resolve User=/Group= in
#   verify (that happens when a unit starts), so the `cim` user need not exist here, and the test
#   creates no user and changes nothing outside its temporary directory. Should a later systemd
#   start complaining about the missing user, the complaint fails this test and has to be dealt
#   with here openly (e.g. verifying a copy with User=nobody), not filtered out.
#
# Beyond verify, it checks that every $VAR / ${VAR} in an ExecStart= is defined by the unit's
# Environment= or by the example env file of a non-optional EnvironmentFile= (systemd expands an
# undefined variable to nothing, and verify does not look at variables at all).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
deploy_dir="$(cd "${1:-$here/../../deploy}" && pwd)"
units=(cim-server.service cim-migrate.service cim-gateway.service)

if ! command -v systemd-analyze >/dev/null; then
  echo "FAIL: systemd-analyze not found (Debian package: systemd; see ci/install-deps.sh)" >&2
  exit 1
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/systemd_units_test.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/units" "$tmp/bin"

for binary in cim-server cim-gateway stand-in; do
  printf '#!/bin/sh\nexit 0\n' >"$tmp/bin/$binary"
  chmod 755 "$tmp/bin/$binary"
done

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

for unit in "${units[@]}"; do
  src="$deploy_dir/systemd/$unit"
  if [[ ! -f "$src" ]]; then
    fail "$src does not exist"
    continue
  fi
  if ! grep -q '^ExecStart=/usr/local/bin/' "$src"; then
    fail "$unit: ExecStart= does not run a binary from /usr/local/bin/"
  fi
  sed "s#/usr/local/bin/#$tmp/bin/#g" "$src" >"$tmp/units/$unit"
done
((failures == 0)) || exit 1

# Stand-ins for the units the CIM units depend on (see above).
for dep in sysinit.target basic.target shutdown.target network-online.target \
  multi-user.target mariadb.service; do
  printf '[Unit]\nDescription=stand-in for %s (systemd_units_test)\n' "$dep" >"$tmp/units/$dep"
  if [[ "$dep" == *.service ]]; then
    printf '[Service]\nExecStart=%s\n' "$tmp/bin/stand-in" >>"$tmp/units/$dep"
  fi
done

# --- systemd-analyze verify ---------------------------------------------------------------
unprivileged=()
if ((EUID == 0)); then
  unprivileged=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
  chmod -R a+rX "$tmp"
  if ! "${unprivileged[@]}" test -r "$tmp/units/${units[0]}"; then
    echo "FAIL: user nobody cannot read $tmp (set TMPDIR to a folder every user can enter)" >&2
    exit 1
  fi
fi
output="$tmp/verify.out"
status=0
(
  cd "$tmp/units"
  SYSTEMD_UNIT_PATH="$tmp/units" SYSTEMD_LOG_COLOR=0 SYSTEMD_PAGER=cat \
    "${unprivileged[@]}" \
    systemd-analyze verify --man=no --generators=no --recursive-errors=yes "${units[@]}"
) >"$output" 2>&1 || status=$?
echo "systemd-analyze verify ${units[*]}: exit status $status"
if [[ -s "$output" ]]; then
  sed "s#$tmp/units/#deploy/systemd/#g; s#$tmp/bin/#/usr/local/bin/#g" "$output" | sed 's/^/  /'
fi
if ((status != 0)); then
  fail "systemd-analyze verify exited with status $status"
elif [[ -s "$output" ]]; then
  fail "systemd-analyze verify reported problems (above)"
fi

# --- variables used in ExecStart= ------------------------------------------------------------
for unit in "${units[@]}"; do
  src="$deploy_dir/systemd/$unit"
  # Unit lines with continuations joined, comments dropped.
  joined="$(sed -e '/^[[:space:]]*[#;]/d' "$src" | sed -e ':a' -e '/\\$/N; s/\\\n//; ta')"
  defined=" $(grep -oE '^Environment=[A-Za-z_][A-Za-z0-9_]*=' <<<"$joined" |
    sed -E 's/^Environment=//; s/=$//' | tr '\n' ' ')"
  while read -r envfile; do
    [[ -n "$envfile" ]] || continue
    optional=0
    if [[ "$envfile" == -* ]]; then
      optional=1
      envfile="${envfile#-}"
    fi
    example="$deploy_dir/env/$(basename "$envfile").example"
    if [[ -f "$example" ]]; then
      defined+="$(grep -oE '^[A-Za-z_][A-Za-z0-9_]*=' "$example" | sed 's/=$//' | tr '\n' ' ')"
    elif ((optional == 0)); then
      fail "$unit: EnvironmentFile=$envfile has no example deploy/env/$(basename "$envfile").example"
    fi
  done < <(grep -E '^EnvironmentFile=' <<<"$joined" | sed 's/^EnvironmentFile=//')
  while read -r var; do
    [[ -n "$var" ]] || continue
    if [[ "$defined" != *" $var "* ]]; then
      fail "$unit: ExecStart= uses \$$var, which neither Environment= nor the example env file sets"
    fi
  done < <(grep -E '^ExecStart=' <<<"$joined" | grep -oE '\$\{?[A-Za-z_][A-Za-z0-9_]*' |
    sed -E 's/^\$\{?//' | sort -u)
done

if ((failures > 0)); then
  echo "systemd_units_test: $failures problem(s)" >&2
  exit 1
fi
echo "systemd_units_test: OK (${units[*]})"
