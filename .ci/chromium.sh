#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver: the site's browser test (SiteBrowserIT) drives headless Chromium
# through chromedriver (Selenium) against a started server. Only what is missing. Safe to run again.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
    || apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "chromium $(chromium --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1) and" \
  "chromedriver $(chromedriver --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1) ready"
