#!/usr/bin/env bash
# Installs what Baton's tests need when it is missing. Idempotent; quick when all is present.
# Debian packages need root (CI and the dev machines run as root).
set -euo pipefail

need_apt=()
command -v aws >/dev/null 2>&1 || need_apt+=(awscli)
# The console and details-page tests drive Debian's Chromium through Playwright (never a downloaded browser).
[ -x /usr/bin/chromium ] || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${need_apt[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "install-prerequisites: need root to install ${need_apt[*]} (or install them yourself)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
