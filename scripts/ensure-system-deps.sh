#!/usr/bin/env bash
# System packages the test suite needs: Debian's chromium (browser tests, driven by
# Playwright through executable_path — never `playwright install`), Pango for
# WeasyPrint, fonts, and poppler-utils (decree pages as PNG). Installs what is missing; fails loudly if it cannot.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ldconfig -p 2>/dev/null | grep -q libpango-1.0 || need+=(libpango-1.0-0 libpangoft2-1.0-0)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
# poppler's pdftoppm: the decree tests render page 1 of each decree to PNG for a person to look at.
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing system packages: ${need[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "ERROR: need root (or sudo) to install: ${need[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
command -v chromium >/dev/null 2>&1 || { echo "ERROR: chromium is still missing" >&2; exit 1; }
