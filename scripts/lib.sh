# Shared by scripts/run, scripts/test and scripts/build-web: set-up once, then the build
# environment (ImGui and qrcodegen sources, Emscripten).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${SHISAKU_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/shisaku-navi}"
cd "$ROOT"

step() { printf '\n==> %s\n' "$*"; }

ensure_setup() {
  step "set-up (installs only what is missing)"
  bash "$ROOT/scripts/setup"
  # shellcheck disable=SC1091
  source "$CACHE/env.sh"
  # A user's own emsdk wins over Debian's emscripten.
  if [[ -n "${EMSDK:-}" && -f "$EMSDK/emsdk_env.sh" ]]; then
    # shellcheck disable=SC1091
    source "$EMSDK/emsdk_env.sh" >/dev/null
    export EMSCRIPTEN_ROOT="${EMSCRIPTEN_ROOT:-$EMSDK/upstream/emscripten}"
  else
    export EMSCRIPTEN_ROOT="${EMSCRIPTEN_ROOT:-/usr/share/emscripten}"
  fi
  # npm's closure compiler (package.json) halves the app's JavaScript; Debian's is too old.
  if [[ -x "$ROOT/node_modules/.bin/google-closure-compiler" ]]; then
    export EM_CLOSURE_COMPILER="$ROOT/node_modules/.bin/google-closure-compiler"
  fi
}

build_native() {
  step "native build: core, CLI, tests, benchmark (build/native)"
  cmake --preset native >/dev/null
  cmake --build --preset native
}
