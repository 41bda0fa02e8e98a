#!/usr/bin/env bash
# Debian packages teiedit needs beyond PyPI. Installs only what is missing; quiet when all is there.
#   libharfbuzz-subset0 : WeasyPrint embeds subset fonts with correct text extraction
#   fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core : every glyph of the sources (ŏ ŭ, Cyrillic, CJK)
#   poppler-utils : pdftoppm page images (tests)            chromium : browser tests (tests only)
#   jing, libxml2-utils : the schema tests check the compiled schemas in Jing and xmllint (tests only)
set -euo pipefail
want=(libharfbuzz-subset0 fonts-noto-core fonts-noto-cjk fonts-dejavu-core)
[ "${1:-}" = "--test" ] && want+=(poppler-utils chromium jing libxml2-utils)
missing=()
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "teiedit: please install these system packages: ${missing[*]}" >&2; exit 0
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "teiedit: installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || true
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
