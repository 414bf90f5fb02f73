#!/bin/sh
# Runs a test binary as an ordinary account, so the embedded cluster's non-root path is tested
# even where CI runs as root. As an ordinary user already, it simply runs the binary.
set -eu
if [ "$(id -u)" -ne 0 ]; then
    exec "$@"
fi
cd /tmp
exec setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=/tmp "$@"
