# Sourced by the scripts in scripts/: strict mode, the repository root as the
# working directory, and the environment the Emscripten toolchain needs.
set -euo pipefail

WB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$WB_ROOT"

# Debian's emscripten runs its JS optimizer with the system node, which finds
# acorn only through NODE_PATH; an emsdk brings its own and ignores this.
if [ -d /usr/share/nodejs ]; then
  export NODE_PATH="${NODE_PATH:+$NODE_PATH:}/usr/share/nodejs"
fi

wb_log() { printf '==> %s\n' "$*"; }
