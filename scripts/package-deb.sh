#!/usr/bin/env bash
# Builds borderwatch_VERSION_amd64.deb with dpkg-deb: the binary in /usr/bin (Swift's runtime linked
# in statically, so the package needs no toolchain), the systemd unit, the sysusers and tmpfiles
# entries, the configuration as a conffile in /etc/borderwatch/, and maintainer scripts that create
# the user and reload systemd without failing where systemd does not run.
#
#   scripts/package-deb.sh [--binary PATH] [--output DIR]
#
# --binary packages an already built binary (the tests use it); by default a release binary is built
# with --static-swift-stdlib into .build/static. Prints the path of the .deb.
set -euo pipefail
cd "$(dirname "$0")/.."
binary=""
output="."
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    --output) output="$2"; shift 2 ;;
    *) echo "usage: $0 [--binary PATH] [--output DIR]" >&2; exit 2 ;;
  esac
done
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/borderwatch/Borderwatch.swift)
[ -n "$version" ] || { echo "package-deb: no version in Sources/borderwatch/Borderwatch.swift" >&2; exit 1; }
if [ -z "$binary" ]; then
  swift build -c release --product borderwatch --static-swift-stdlib --scratch-path .build/static >&2
  binary=.build/static/release/borderwatch
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
pkg="$root/borderwatch_${version}_amd64"

install -d "$pkg/DEBIAN" "$pkg/usr/bin" "$pkg/lib/systemd/system" "$pkg/usr/lib/sysusers.d" \
  "$pkg/usr/lib/tmpfiles.d" "$pkg/etc/borderwatch" "$pkg/usr/share/doc/borderwatch"
install -m 0755 "$binary" "$pkg/usr/bin/borderwatch"
strip --strip-unneeded "$pkg/usr/bin/borderwatch" 2>/dev/null || true
sed 's|/usr/local/bin/borderwatch|/usr/bin/borderwatch|g' systemd/borderwatch.service > "$pkg/lib/systemd/system/borderwatch.service"
chmod 0644 "$pkg/lib/systemd/system/borderwatch.service"
install -m 0644 systemd/borderwatch.sysusers "$pkg/usr/lib/sysusers.d/borderwatch.conf"
install -m 0644 systemd/borderwatch.tmpfiles "$pkg/usr/lib/tmpfiles.d/borderwatch.conf"
install -m 0644 systemd/borderwatch.toml "$pkg/etc/borderwatch/borderwatch.toml"

cat > "$pkg/usr/share/doc/borderwatch/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: borderwatch
Source: https://github.com/borderwatch/borderwatch

Files: *
Copyright: 2026 the borderwatch authors
License: Apache-2.0
 On Debian systems the full text of the Apache License 2.0 is in
 /usr/share/common-licenses/Apache-2.0.
COPYRIGHT
chmod 0644 "$pkg/usr/share/doc/borderwatch/copyright"
printf 'borderwatch (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- borderwatch maintainers <maintainers@borderwatch.invalid>  %s\n' \
  "$version" "$version" "$(date -R)" | gzip -9n > "$pkg/usr/share/doc/borderwatch/changelog.gz"
chmod 0644 "$pkg/usr/share/doc/borderwatch/changelog.gz"

echo "/etc/borderwatch/borderwatch.toml" > "$pkg/DEBIAN/conffiles"
size=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat > "$pkg/DEBIAN/control" <<CONTROL
Package: borderwatch
Version: $version
Architecture: amd64
Maintainer: borderwatch maintainers <maintainers@borderwatch.invalid>
Installed-Size: $size
Depends: libc6 (>= 2.34), libcurl4 (>= 7.16.2), libsqlite3-0 (>= 3.35), libstdc++6, libgcc-s1, adduser | systemd
Section: net
Priority: optional
Homepage: https://github.com/borderwatch/borderwatch
Description: turns migration news into trusted figures and alerts
 borderwatch watches an inbox folder for news articles (text, HTML, Markdown,
 JSON, e-mail), reads every statistic about irregular migration in them,
 stores the facts with their sources in SQLite and posts threshold alerts
 (record days, year-to-date milestones) to webhooks, Slack, Discord,
 Mattermost, Teams and Google Chat. It runs as a hardened systemd service.
CONTROL

cat > "$pkg/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
# Creates the borderwatch user and its state folder, and tells systemd about the unit. Works
# without a running systemd, and inside another root ($DPKG_ROOT, dpkg --root --force-script-chrootless).
set -e
root="${DPKG_ROOT:-}"
if [ "$1" = "configure" ]; then
    if command -v systemd-sysusers >/dev/null 2>&1; then
        systemd-sysusers ${root:+--root="$root"} borderwatch.conf || true
    elif [ -z "$root" ] && ! getent passwd borderwatch >/dev/null 2>&1 && command -v adduser >/dev/null 2>&1; then
        adduser --system --group --home /var/lib/borderwatch --no-create-home borderwatch >/dev/null || true
    fi
    if command -v systemd-tmpfiles >/dev/null 2>&1; then
        systemd-tmpfiles ${root:+--root="$root"} --create borderwatch.conf || true
    fi
    if [ -z "$root" ] && [ -d /run/systemd/system ]; then
        systemctl daemon-reload || true
    fi
fi
exit 0
POSTINST
cat > "$pkg/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
set -e
if [ -z "${DPKG_ROOT:-}" ] && [ -d /run/systemd/system ] && [ "$1" = "remove" ]; then
    systemctl stop borderwatch.service >/dev/null 2>&1 || true
fi
exit 0
PRERM
cat > "$pkg/DEBIAN/postrm" <<'POSTRM'
#!/bin/sh
set -e
if [ -z "${DPKG_ROOT:-}" ] && [ -d /run/systemd/system ]; then
    systemctl daemon-reload >/dev/null 2>&1 || true
fi
exit 0
POSTRM
chmod 0755 "$pkg/DEBIAN/postinst" "$pkg/DEBIAN/prerm" "$pkg/DEBIAN/postrm"

mkdir -p "$output"
deb="$output/borderwatch_${version}_amd64.deb"
fakeroot dpkg-deb --build --root-owner-group "$pkg" "$deb" >&2
echo "$deb"
