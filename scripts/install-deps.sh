#!/usr/bin/env bash
# Installs the Debian packages oasst builds against (needs root or sudo).
set -euo pipefail
packages=(libcurl4-openssl-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libncurses-dev libsqlite3-dev tmux)
if dpkg -s "${packages[@]}" >/dev/null 2>&1; then
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
$sudo apt-get update
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${packages[@]}"
