#!/usr/bin/env bash
# Installs every Debian package the project needs (idempotent: installs only what is missing).
set -euo pipefail

PACKAGES=(
  cmake ninja-build ccache pkg-config g++ git clang-format clang-tidy
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler libabsl-dev
  libsoci-dev libmariadb-dev libmariadb-dev-compat mariadb-server mariadb-client
  libboost-dev libsodium-dev libgtest-dev libgmock-dev
  golang-github-gogo-googleapis-dev chromium curl wrk libssl-dev openssl clang-14 libclang-rt-14-dev
  galera-4 rsync socat iproute2 mariadb-backup jq
  libcurl4-openssl-dev python3-aiosmtpd  # email through an SMTP relay, and a real relay in tests
  libicu-dev  # messages, numbers, money and dates in the reader's language
  liboath-dev oathtool  # two-step sign-in codes (TOTP); oathtool prints the demo's codes
  systemd  # systemd-analyze: tests/deploy/systemd_units_test.sh
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "ci/install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "ci/install-deps: installing nodejs and npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

node_major="$(node --version | sed 's/^v\([0-9]*\).*/\1/')"
if (( node_major < 20 )); then
  echo "ci/install-deps: Node.js $(node --version) is too old; the portal build needs Node.js 20.19+" >&2
  exit 1
fi
