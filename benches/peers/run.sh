#!/usr/bin/env bash
# The whole peer comparison in one command:
#   bash benches/peers/run.sh [ROWS] [REPEATS]      (default 10,000,000 rows, 5 repeats)
# Builds the native harness, the Python wheel and the WASM package, creates a
# virtualenv with pinned pyarrow, polars, duckdb and pandas, and prints one
# table of median times, rows/s and ratios to narcostat, all measured in this run.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-10000000}
REPEATS=${2:-5}
VENV=benches/peers/.venv
# Build outputs live where cargo puts them (CARGO_TARGET_DIR is honoured);
# peers.py finds the harness there too.
TARGET_DIR=$(bash scripts/target-dir)
export NARCOSTAT_TARGET_DIR="$TARGET_DIR"
cargo build --release --locked -q -p narcostat-benches --bin harness
[ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r benches/peers/requirements.txt
rm -rf "$TARGET_DIR/peers-wheel"
"$VENV/bin/python" -m maturin build --release --locked -q -m bindings/python/Cargo.toml -o "$TARGET_DIR/peers-wheel"
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$TARGET_DIR"/peers-wheel/*.whl
if command -v wasm-bindgen >/dev/null && [ -x bindings/wasm/node_modules/.bin/wasm-opt ]; then
  bash bindings/wasm/build.sh >/dev/null
fi
"$VENV/bin/python" benches/peers/peers.py --rows "$ROWS" --repeats "$REPEATS"
