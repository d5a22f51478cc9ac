# Shared by scripts/build, scripts/test and scripts/run: find the repo, install what is missing.
# Sourced, not run. Installs only from Debian's packages and the npm registry.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT" || exit 1

# Debian's acorn lives here; emcc's optimised links need it (toolchain note 1).
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

# Every step line says how long the whole run has taken so far (m:ss), so a slow phase shows in any log.
export VERSUS_T0=${VERSUS_T0:-$(date +%s)}
log() {
  local t=$(($(date +%s) - VERSUS_T0))
  printf '\033[1m==> [%d:%02d] %s\033[0m\n' $((t / 60)) $((t % 60)) "$*" >&2
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root to run: $*" >&2; return 1
  fi
}

# apt_ensure CHECK PACKAGE...: CHECK is a command name or an absolute file path.
APT_MISSING=()
apt_want() {
  local check=$1; shift
  if [[ $check == /* ]]; then [ -e "$check" ] && return 0; else command -v "$check" >/dev/null 2>&1 && return 0; fi
  APT_MISSING+=("$@")
}
apt_install_wanted() {
  [ ${#APT_MISSING[@]} -eq 0 ] && return 0
  log "installing from Debian: ${APT_MISSING[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${APT_MISSING[@]}" >/dev/null
  APT_MISSING=()
}

ensure_build_deps() {
  apt_want g++ g++
  apt_want make make
  apt_want cmake cmake
  apt_want node nodejs
  apt_want npm npm
  apt_want em++ emscripten
  apt_want /usr/include/nlohmann/json.hpp nlohmann-json3-dev
  apt_want /usr/include/catch2/catch.hpp catch2
  apt_install_wanted
  ensure_npm_packages
}

ensure_test_deps() {
  apt_want /usr/bin/chromium chromium
  apt_install_wanted
}

# npm packages from package-lock.json, reinstalled when the lock file changes.
ensure_npm_packages() {
  local stamp=node_modules/.versus-lock
  if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
    cp package-lock.json "$stamp"
  fi
}
