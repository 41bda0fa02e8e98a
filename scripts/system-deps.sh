#!/usr/bin/env bash
# Debian packages teiedit needs beyond PyPI. Installs only what is missing; quiet when all is there.
#   libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz0b, libfontconfig1 : the libraries WeasyPrint loads
#   libharfbuzz-subset0 : WeasyPrint embeds subset fonts with correct text extraction
#   fonts-noto-core, fonts-noto-cjk, fonts-dejavu-core : every glyph of the sources (ŏ ŭ, Cyrillic, CJK)
#   poppler-utils : pdftoppm page images (tests)            chromium : browser tests (tests only)
#   jing, libxml2-utils, libxerces2-java : the schema tests check the compiled schemas in Jing, xmllint
#     and Xerces-J (tests only)
# When another program holds the package manager's lock (an unattended upgrade, a second install), this
# waits for it, up to TEIEDIT_APT_WAIT seconds (default 600), instead of failing at once.
set -euo pipefail
want=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 libharfbuzz-subset0
      fonts-noto-core fonts-noto-cjk fonts-dejavu-core)
[ "${1:-}" = "--test" ] && want+=(poppler-utils chromium jing libxml2-utils libxerces2-java)
missing=()
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "teiedit: please install these system packages: ${missing[*]}" >&2; exit 0
fi
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
wait_s="${TEIEDIT_APT_WAIT:-600}"
echo "teiedit: installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive

# apt-get with the lock timeout apt itself offers, retried while the lists lock (which that option
# does not cover on every apt version) is busy; gives up with a clear message after $wait_s seconds.
apt_retry() {
  local deadline=$((SECONDS + wait_s)) log
  log="$(mktemp)"
  while true; do
    if $SUDO apt-get -o DPkg::Lock::Timeout="$wait_s" "$@" >"$log" 2>&1; then rm -f "$log"; return 0; fi
    if grep -qiE 'could not get lock|unable to acquire|is another process using it' "$log" \
       && [ "$SECONDS" -lt "$deadline" ]; then
      sleep "${TEIEDIT_APT_POLL:-5}"; continue
    fi
    cat "$log" >&2; rm -f "$log"; return 1
  done
}

apt_retry update -qq || echo "teiedit: apt-get update failed; trying the install with the current lists" >&2
if ! apt_retry install -y -qq --no-install-recommends "${missing[@]}"; then
  echo "teiedit: could not install ${missing[*]}; install them with your package manager and run again" >&2
  exit 1
fi
