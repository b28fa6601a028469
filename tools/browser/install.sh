#!/bin/sh
# Installs what tools/browser/search-test.mjs needs on a Debian/Ubuntu CI
# machine: Chromium from apt and playwright-core (no browser download).
# Usage (from the repository root): sh tools/browser/install.sh
set -eu
cd "$(dirname "$0")"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium
fi
# playwright-core never downloads browsers; the test uses /usr/bin/chromium.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
