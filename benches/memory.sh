#!/usr/bin/env bash
# Peak memory of the CLI: `summary`, `check` and `bulletin --data` on
#   - ROWS ordinary CBP rows (default 2,000,000: random months, components,
#     field offices, drugs and amounts), and
#   - one seizure reported by 20,000 components (20,000 rows of one drug,
#     place, period and quantity: the worst case for duplicate checks).
# Usage: bash benches/memory.sh [ROWS]
# Prints one line per run: file, command, peak RSS (MB, "Maximum resident set
# size" of GNU time, else ru_maxrss from Python), seconds, and the ratio to
# `summary` on the same file. Release build; files go to the cargo target
# directory (wherever `cargo metadata` says it is).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2000000}
cargo build --release --locked -q -p narcostat-cli
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
bin="$target/release/narcostat"
work="$target/memory"
mkdir -p "$work"
header='FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)'

rows="$work/cbp-$ROWS.csv"
if [ ! -s "$rows" ]; then
  awk -v n="$ROWS" -v header="$header" 'BEGIN {
    srand(42); print header
    split("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC", months, " ")
    split("Office of Field Operations|U.S. Border Patrol|Air and Marine Operations", comps, "|")
    split("Cocaine|Fentanyl|Heroin|Marijuana|Methamphetamine|Ecstasy|Khat (Catha Edulis)|Lsd|Ketamine|Other Drugs**", drugs, "|")
    for (i = 0; i < n; i++) {
      u1 = rand(); if (u1 < 1e-12) u1 = 1e-12
      lbs = exp(1 + 2 * sqrt(-2 * log(u1)) * cos(6.283185307179586 * rand()))
      printf "%d,%s,%s,Southwest Border,Land,FIELD OFFICE %d,%s,%d,%.6f\n", 2019 + int(rand() * 8), months[1 + int(rand() * 12)],
        comps[1 + int(rand() * 3)], int(rand() * 40), drugs[1 + int(rand() * 10)], 1 + int(rand() * 9), lbs
    }
  }' > "$rows"
fi
components="$work/cbp-20000-components.csv"
if [ ! -s "$components" ]; then
  awk -v header="$header" 'BEGIN {
    print header
    for (i = 0; i < 20000; i++) printf "2024,OCT,Component %d,Southwest Border,Land,EL PASO FIELD OFFICE,Fentanyl,1,10.5\n", i
  }' > "$components"
fi

# Peak RSS in KB and wall seconds of a command (its output discarded).
measure() {
  if /usr/bin/time -f '%M %e' true >/dev/null 2>&1; then
    /usr/bin/time -f '%M %e' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
    cat "$work/time"
  else
    python3 - "$@" <<'EOF'
import resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, round(time.perf_counter() - t, 2))
EOF
  fi
}

printf '%-26s %-15s %10s %8s %10s\n' file command "peak MB" seconds "x summary"
for file in "$rows" "$components"; do
  base=""
  for cmd in summary check bulletin; do
    case $cmd in
      summary) args=(summary "$file") ;;
      check) args=(check "$file") ;;
      bulletin) args=(bulletin --data "$file") ;;
    esac
    read -r kb seconds < <(measure "$bin" "${args[@]}")
    [ -n "$base" ] || base=$kb
    awk -v f="$(basename "$file")" -v c="${args[0]}" -v kb="$kb" -v s="$seconds" -v b="$base" \
      'BEGIN { printf "%-26s %-15s %10.1f %8.2f %10.2f\n", f, c, kb / 1024, s, kb / b }'
  done
done
