#!/usr/bin/env bash
# Installs what building Portal needs, only when it is missing: the cmark-gfm C library with its
# GFM extensions, the jemalloc allocator, pkg-config and libcurl (loaded at run time by
# `portal check --external`) (Debian packages). Safe to run again.
set -euo pipefail
missing=()
pkg-config --exists libcmark-gfm 2>/dev/null || missing+=(libcmark-gfm-dev libcmark-gfm-extensions-dev)
pkg-config --exists jemalloc 2>/dev/null || missing+=(libjemalloc-dev)
command -v pkg-config >/dev/null || missing+=(pkg-config)
# ldconfig is in /sbin, which is not on a user's PATH (a non-root CI runner).
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
"$ldconfig" -p 2>/dev/null | grep 'libcurl\(-gnutls\)\?\.so\.4' >/dev/null || missing+=(libcurl4)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} …" >&2
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || {
      echo "error: ${missing[*]} must be installed, as root: apt-get install ${missing[*]}" >&2
      exit 1
    }
    SUDO="sudo"
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "error: Swift 6 is not on PATH (expected /opt/swift/usr/bin)" >&2; exit 1; }
