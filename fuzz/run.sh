#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) each, seeding the corpora
# from the example site. Needs nightly Rust and cargo-fuzz:
#   rustup toolchain install nightly && cargo install cargo-fuzz
# Crashes land in fuzz/artifacts/<target>/; reproduce one with
#   cargo +nightly fuzz run <target> fuzz/artifacts/<target>/<file>
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH="${1:-60}"
# minhbach is safe Rust: AddressSanitizer finds little here and costs 2-3x
# the executions, so the default is none (SANITIZER=address to turn it on).
SANITIZER="${SANITIZER:-none}"
TARGETS="${TARGETS:-values frontmatter markdown highlight data_file spreadsheet site_page}"
seed() { mkdir -p "corpus/$1"; }
for t in frontmatter markdown site_page; do
  seed "$t"
  for f in ../content/*.md ../content/tin-tuc/*.md ../content/van-ban/*.md ../tests/fixtures/basic/content/tin-tuc/*.md; do
    cp "$f" "corpus/$t/$(basename "$(dirname "$f")")-$(basename "$f")"
  done
done
seed values
printf '1.552.020.000' > corpus/values/n1; printf '95,5 %%' > corpus/values/n2
printf 'Quý III/2026' > corpus/values/p1; printf '30/11/2025' > corpus/values/d1
printf '2026-08-05T08:00:00+07:00' > corpus/values/d2; printf 'tối thiểu' > corpus/values/w1
seed data_file
i=0
for f in ../tests/fixtures/data-demo/content/du-lieu/*.csv ../tests/fixtures/data-demo/content/du-lieu/*.json ../tests/fixtures/data-demo/content/du-lieu/*.xlsx; do
  # The first byte picks the file name in data_file.rs (index into NAMES).
  case "$(basename "$f")" in
    chi-tieu.csv) b=0 ;; ket-qua.*) b=8 ;; nhiem-vu.csv) b=2 ;; kinh-phi.json) b=10 ;;
    chi-so-dti.csv) b=4 ;; diem-dti*) b=5 ;; don-vi.csv) b=6 ;; *) b=12 ;;
  esac
  { printf "\\x$(printf %02x $b)"; cat "$f"; } > "corpus/data_file/seed-$i"
  i=$((i + 1))
done
# The committed inputs: every target's corpus as the last campaign left it
# (minimised with `cargo fuzz cmin`), and for spreadsheets the hand-made seeds
# (fuzz/make_seeds.py writes them from the example workbook: entries unpacked,
# far dimension, shared strings, CSV). tests/fuzz_replay.rs replays them all,
# with every past finding (regressions/<target>/), on stable Rust.
for t in values frontmatter markdown highlight data_file spreadsheet site_page; do
  seed "$t"
  if [ -d "seeds/$t" ]; then cp seeds/"$t"/* "corpus/$t/"; fi
done
status=0
for t in $TARGETS; do
  echo "== fuzz $t (${SECONDS_EACH}s)"
  log="${TMPDIR:-/tmp}/minhbach-fuzz-$t.log"
  # The spreadsheet readers promise bounded memory: a lower ceiling.
  rss=2048; [ "$t" = spreadsheet ] && rss=1024
  if ! nice -n 19 cargo +nightly fuzz run -O -s "$SANITIZER" "$t" "corpus/$t" -- \
    -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb="$rss" -max_len=262144 \
    -print_final_stats=1 >"$log" 2>&1; then
    status=1
    echo "FOUND a failure in $t; see $log and fuzz/artifacts/$t/"
    grep -E "panicked|ERROR|SUMMARY" "$log" | head -5 || true
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)" "$log" || true
done
exit "$status"
