#!/usr/bin/env bash
# Installs the Debian 12 packages Muster needs to build, test and run. Safe to run again:
# it only calls apt-get when something is missing. Needs root (or sudo).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config git
    qt6-base-dev qt6-base-private-dev qt6-base-dev-tools qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qtkeychain-qt6-dev libgl-dev
    qt6-declarative-dev qt6-declarative-dev-tools libqt6sql6-sqlite
    qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml
    qml6-module-qtqml-workerscript qml6-module-qttest
    libpq-dev libsodium-dev libwslay-dev zlib1g-dev libx11-dev libxss-dev
    postgresql-15 postgresql-client-15
    qt6-qpa-plugins curl
    xvfb xauth xdotool
    clang-15 libfuzzer-15-dev
    qt6-charts-dev libxlsxwriter-dev fonts-dejavu-core libqrencode-dev
    poppler-utils unzip zbar-tools
    chromium
)
# Node.js and npm drive the browser tests; a machine may have them from elsewhere already.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# playwright-core for the anteroom's browser tests, at the version package-lock.json pins; it
# drives Debian's chromium, so it downloads no browser of its own.
browser_tests="$(dirname "$0")/../tests/browser"
want=$(sed -n 's/.*"playwright-core": "\(.*\)".*/\1/p' "$browser_tests/package.json")
have=$(cd "$browser_tests" && node -p "require('./node_modules/playwright-core/package.json').version" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
    (cd "$browser_tests" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
