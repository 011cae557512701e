#!/usr/bin/env bash
# The Debian packages the tests drive as real servers: redis-server (queue tests on Redis),
# chromium (browser tests) and LibreOffice's writer (PDF renditions of generated documents,
# test/documents.e2e-spec.ts). Installed when missing, so that `npm test` needs no third command.
set -euo pipefail
missing=()
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "tests need: ${missing[*]} (install them with your package manager)" >&2
  exit 1
fi
echo "== installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
