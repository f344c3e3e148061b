#!/usr/bin/env bash
# Builds the WASM package: pkg-node/ (for Node) and www/pkg/ (for the page),
# optimised with wasm-opt from npm's binaryen. Needs the wasm32 target, the
# wasm-bindgen CLI of the pinned version and `npm ci` here (.ci/run installs them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
cargo build --locked -q -p narcostat-wasm --target wasm32-unknown-unknown --release
# Where cargo put it: CARGO_TARGET_DIR or a configured target-dir is honoured.
wasm="$(bash "$root/scripts/target-dir")/wasm32-unknown-unknown/release/narcostat_wasm.wasm"
rm -rf "$here/pkg-node" "$here/www/pkg"
wasm-bindgen --target nodejs --out-dir "$here/pkg-node" "$wasm"
wasm-bindgen --target web --out-dir "$here/www/pkg" "$wasm"
# The generated Node module is CommonJS; the surrounding package.json says "module".
echo '{"type": "commonjs"}' > "$here/pkg-node/package.json"
for f in "$here/pkg-node/narcostat_wasm_bg.wasm" "$here/www/pkg/narcostat_wasm_bg.wasm"; do
  "$here/node_modules/.bin/wasm-opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals "$f" -o "$f"
done
echo "narcostat_wasm_bg.wasm: $(stat -c %s "$here/www/pkg/narcostat_wasm_bg.wasm") bytes after wasm-opt -Oz ($(gzip -9 -c "$here/www/pkg/narcostat_wasm_bg.wasm" | wc -c) gzipped)"
