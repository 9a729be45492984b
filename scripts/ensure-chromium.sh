#!/bin/sh
# Browser tests drive Debian's Chromium (never a downloaded browser build).
# Install it when we are root; otherwise stop with the one command that does.
set -e
CHROMIUM=/usr/bin/chromium
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" = "0" ]; then
    echo "Chromium saknas: installerar Debians paket chromium ..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    [ -x "$CHROMIUM" ] && exit 0
fi
echo "Chromium saknas ($CHROMIUM). Installera det med:" >&2
echo "    sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
