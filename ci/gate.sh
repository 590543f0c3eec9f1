#!/usr/bin/env bash
# freshsim's own regression gate: a small built-in benchmark (the `tiny` scenario, the three
# built-in heuristics, 5 seeds; a few seconds) checked against the committed ci/baseline.json.
#
#   ci/gate.sh          run the benchmark and check it (exit 1 on a significant fall)
#   ci/gate.sh update   run the benchmark and rewrite ci/baseline.json — a deliberate change:
#                       say why in the commit message and let a reviewer read the diff
#
# Needs a build (npm run build). Outputs go to $FRESHSIM_GATE_DIR (default: a fresh temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${FRESHSIM_GATE_DIR:-$(mktemp -d)}"
freshsim=(node dist/cli/main.js)
"${freshsim[@]}" run --scenario tiny --strategies pto-greedy,safety-stock,newsvendor --seeds 5 \
  --out "$out/run" --overwrite --no-report >/dev/null
case "${1:-check}" in
  check)
    "${freshsim[@]}" check "$out/run" --baseline ci/baseline.json --tolerance-pp 1 --junit "$out/junit.xml"
    ;;
  update)
    "${freshsim[@]}" baseline "$out/run" --out ci/baseline.json --overwrite
    git --no-pager diff --stat -- ci/baseline.json || true
    ;;
  *)
    echo "usage: ci/gate.sh [check|update]" >&2
    exit 2
    ;;
esac
