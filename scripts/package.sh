#!/usr/bin/env bash
# Packages `portal` for machines without Swift: a Debian package (dist/portal_<version>_<arch>.deb,
# installed with `apt-get install ./dist/portal_….deb`, which brings the C libraries it needs)
# and a tarball of the binary alone (dist/portal-<version>-linux-<arch>.tar.gz).
#
#   scripts/package.sh                    # release build (the Swift runtime linked in), then package
#   scripts/package.sh --binary PATH      # package a binary already built (the tests do this)
#   scripts/package.sh --out DIR          # write the packages into DIR (default dist/)
#   --allow-dynamic-swift                 # accept a binary linking the Swift runtime (a debug build,
#                                         # which runs only beside its toolchain: for the tests)
#
# The package's dependencies are the Debian packages that own the libraries the binary links
# (`ldd`, `dpkg -S`): cmark-gfm and its extensions, jemalloc, the C and C++ runtimes. libcurl is
# only loaded for `portal check --external`, so it is recommended, not required.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="" out="dist" dynamic_swift=""
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --allow-dynamic-swift) dynamic_swift=1; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument $1" >&2; echo "usage: scripts/package.sh [--binary PATH] [--out DIR] [--allow-dynamic-swift]" >&2; exit 2 ;;
  esac
done
for tool in dpkg-deb dpkg ldd strip; do
  command -v "$tool" >/dev/null || { echo "error: $tool is needed (a Debian machine: apt-get install dpkg binutils)" >&2; exit 1; }
done
if [ -z "$binary" ]; then
  scripts/install-build-deps.sh
  static=()
  swift_lib="$(dirname "$(command -v swift)")/../lib/swift_static/linux"
  [ -f "$swift_lib/static-stdlib-args.lnk" ] && static=(--static-swift-stdlib)
  swift build -c release "${static[@]}" --product portal
  binary=.build/release/portal
fi
[ -x "$binary" ] || { echo "error: no binary at $binary" >&2; exit 1; }

version=$("$binary" --version)
arch=$(dpkg --print-architecture)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The Debian package that owns a library `ldd` names (dpkg knows /lib paths and /usr/lib paths
# apart, on a merged /usr).
owner() {
  local lib=$1 p found
  for p in "$lib" "$(readlink -f "$lib")" "${lib#/usr}" "/usr${lib#/usr}"; do
    found=$(dpkg -S "$p" 2>/dev/null | head -1 | cut -d: -f1)
    [ -n "$found" ] && { echo "$found"; return 0; }
  done
  return 1
}
# Swift's own libraries, when the binary was not built with the runtime linked in, are in no
# Debian package: such a binary runs only where its toolchain is.
swift_libs='/(libswift[^/]*|libFoundation[^/]*|lib_Foundation[^/]*|libdispatch|libBlocksRuntime)\.so'
if ldd "$binary" | grep -Eq "$swift_libs" && [ -z "$dynamic_swift" ]; then
  echo "error: $binary links the Swift runtime dynamically, which no Debian package holds" >&2
  echo "help: build it with scripts/package.sh alone (a release build with --static-swift-stdlib)" >&2
  exit 1
fi
depends=()
for lib in $(ldd "$binary" | awk '/=>/ { print $3 }' | grep -Ev "$swift_libs"); do
  package=$(owner "$lib") || { echo "error: no Debian package owns $lib, which portal links" >&2; exit 1; }
  case " ${depends[*]-} " in *" $package "*) ;; *) depends+=("$package") ;; esac
done

root="$work/portal_${version}_$arch"
mkdir -p "$root/DEBIAN" "$root/usr/bin" "$root/usr/share/doc/portal"
strip -o "$root/usr/bin/portal" "$binary"
cp README.md "$root/usr/share/doc/portal/README.md"
cat >"$root/DEBIAN/control" <<CONTROL
Package: portal
Version: $version
Architecture: $arch
Maintainer: Portal maintainers <dx-portal@pref.chiba.example>
Depends: $(IFS=,; echo "${depends[*]}" | sed 's/,/, /g')
Recommends: libcurl4
Section: web
Priority: optional
Homepage: https://dx.pref.chiba.example/
Description: static site generator for the Chiba Prefecture DX portal
 Builds the portal's accessible, plain-language site from Markdown with YAML
 front matter (portal build), checks it (portal check, portal lint) and
 previews it with live reload (portal serve).
CONTROL

mkdir -p "$out"
deb="$out/portal_${version}_$arch.deb"
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
tarball="$out/portal-$version-linux-$arch.tar.gz"
tar -C "$root/usr/bin" -czf "$tarball" portal
echo "$deb"
echo "$tarball"
