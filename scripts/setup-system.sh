#!/usr/bin/env bash
# Installs the Debian packages the tests use that npm cannot give, when they are missing (runs
# before `npm test`). The test browser is not among them: it is pinned in package-lock.json
# (@sparticuz/chromium, see scripts/browser.ts), so apt's Chromium version never matters.
#   fonts-noto-cjk   Chinese text in screenshots
#   python3-vobject  and calcurse: two more calendar parsers the feeds are checked with
set -euo pipefail
need=()
[[ -d /usr/share/fonts/opentype/noto ]] || need+=(fonts-noto-cjk)
/usr/bin/python3 -c 'import vobject' 2>/dev/null || need+=(python3-vobject)
command -v calcurse >/dev/null 2>&1 || need+=(calcurse)
((${#need[@]})) || exit 0
echo "Installing Debian packages the tests need: ${need[*]}"
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
