#!/usr/bin/env bash
# Benchmark: kennisbank against Hugo + Pagefind on the same synthetic content.
#
#   bash tests/bench/run.sh                 # 1000 and 10000 pages
#   bash tests/bench/run.sh 1000 10000 50000
#   RUNS=5 bash tests/bench/run.sh 1000     # runs per measurement (median is reported); default 3
#
# Per size: generate the content (`kennisbank-generate`, fixed seed), then for each tool measure a
# full build that replaces a published site (kennisbank `--no-cache`, Hugo without its cache folder;
# one unmeasured build first leaves the site to replace), a rebuild with nothing changed, and a
# rebuild after editing one article, with wall time, CPU time (user + sys) and peak memory from
# /usr/bin/time -v; plus output size and search index size; then `kennisbank serve` on the same
# site: a body edit and two front-matter edits, each from the save to the new page being served, and
# the server's memory (tests/bench/serve-edits.mjs). The table gives two ratios: kennisbank / (Hugo
# + Pagefind), and kennisbank / Hugo alone, which builds no search index. kennisbank's no-change and
# one-file rebuilds go into the existing output with its build cache
# (<site>/.cache/kennisbank/build/), as an editor's next build would; its full build ignores the
# cache (`--no-cache`). The lines after the table give each rebuild as a share of the full build.
# Hugo (Debian's package) renders the same content with the minimal templates in tests/bench/hugo/,
# then Pagefind (npm) indexes its output; their times add up. Heavy steps run under `nice -n 19` so
# others on the machine can keep working. Not part of tests/run-all.sh: CI does not time things.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
BENCH=$ROOT/tests/bench
RUNS=${RUNS:-3}
SEED=${SEED:-1}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
WORK=${BENCH_WORK:-$(mktemp -d /tmp/kennisbank-bench.XXXXXX)}
mkdir -p "$WORK"

# shellcheck source=tests/bench/common.sh
. "$BENCH/common.sh"

# --- what the benchmark needs -----------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if ! command -v hugo >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then
  say "installing Debian's hugo and time"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq hugo time >/dev/null
fi
need_pagefind
build_release

# --- measuring --------------------------------------------------------------------------------
# measure LOG CMD…: runs CMD under /usr/bin/time -v and nice; appends "wall cpu maxrss_kb" to LOG.
measure() {
  local log=$1
  shift
  local t
  t=$(mktemp)
  if ! /usr/bin/time -v -o "$t" nice -n 19 "$@" >"$t.out" 2>&1; then
    cat "$t.out" "$t" >&2
    echo "failed: $*" >&2
    exit 1
  fi
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1]*3600 + p[2]*60 + p[3] : p[1]*60 + p[2] }
    /User time/ { cpu += $2 }
    /System time/ { cpu += $2 }
    /Maximum resident set size/ { rss = $2 }
    END { printf "%.3f %.3f %d\n", wall, cpu, rss }' "$t" >>"$log"
  rm -f "$t" "$t.out"
}

# median COLUMN LOG: the median of one column (1 wall, 2 cpu, 3 rss).
median() {
  sort -g -k"$1","$1" "$2" | awk -v c="$1" '{ v[NR] = $c } END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'
}

# sum_logs OUT A B: line-wise sum of wall and cpu, max of rss (Hugo then Pagefind).
sum_logs() {
  paste -d' ' "$2" "$3" | awk '{ printf "%.3f %.3f %d\n", $1+$4, $2+$5, ($3 > $6 ? $3 : $6) }' >"$1"
}

bytes() { du -sb "$1" 2>/dev/null | cut -f1; }
html_count() { find "$1" -name '*.html' | wc -l; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1e6 }'; }

# Edits one article the way an editor would: one more sentence at the end.
touch_one() {
  local f
  f=$(find "$1/content/kennisbank" -name '*.md' | sort | sed -n 1p)
  printf '\nEen extra zin om een wijziging in één bestand te meten (%s).\n' "$2" >>"$f"
}

# hugo_args SITE OUT: the Hugo command line for one build.
hugo_args() {
  echo hugo --quiet --source "$WORK/hugo" --contentDir "$1/content" --destination "$2" \
    --cacheDir "$WORK/hugo-cache" --cleanDestinationDir
}

RESULTS=$WORK/results.txt
: >"$RESULTS"
cp -r "$BENCH/hugo" "$WORK/hugo"

for n in "${SIZES[@]}"; do
  site=$WORK/site-$n
  logs=$WORK/logs-$n
  rm -rf "$site" "$logs"
  mkdir -p "$logs"
  say "$n pages: generating content"
  "$GENERATE" --pages "$n" --seed "$SEED" --output "$site" --root "$ROOT" >&2
  files=$(find "$site/content" -name '*.md' | wc -l)

  say "$n pages: kennisbank"
  kb_out=$WORK/kb-out-$n
  # The full build replaces a published site, as a deploy does (issue 14): the first build, not
  # measured, leaves one; --no-cache then builds everything and swaps it in.
  rm -rf "$kb_out"
  measure "$logs/kb-first" "$KB" build --root "$site" --output "$kb_out" --no-cache
  for r in $(seq "$RUNS"); do
    measure "$logs/kb-full" "$KB" build --root "$site" --output "$kb_out" --no-cache
    measure "$logs/kb-nochange" "$KB" build --root "$site" --output "$kb_out"
    touch_one "$site" "kb $r"
    measure "$logs/kb-onefile" "$KB" build --root "$site" --output "$kb_out"
  done
  say "$n pages: kennisbank serve"
  # Edits saved into the generated site while `serve` runs on it; see tests/bench/serve-edits.mjs.
  nice -n 19 node "$BENCH/serve-edits.mjs" "$KB" "$site" "$RUNS" >"$WORK/serve-$n.txt"
  kb_bytes=$(bytes "$kb_out")
  kb_pages=$(html_count "$kb_out")
  kb_index=$(bytes "$kb_out/zoeken/index" || true)

  say "$n pages: Hugo + Pagefind"
  h_out=$WORK/hugo-out-$n
  rm -rf "$h_out"
  # shellcheck disable=SC2046 # the paths have no spaces (mktemp)
  measure "$logs/hugo-first" $(hugo_args "$site" "$h_out")
  for r in $(seq "$RUNS"); do
    rm -rf "$WORK/hugo-cache"
    # shellcheck disable=SC2046 # the paths have no spaces (mktemp)
    measure "$logs/hugo-full" $(hugo_args "$site" "$h_out")
    measure "$logs/pf-full" "$PAGEFIND" --site "$h_out" --quiet
    # shellcheck disable=SC2046 # the paths have no spaces (mktemp)
    measure "$logs/hugo-nochange" $(hugo_args "$site" "$h_out")
    measure "$logs/pf-nochange" "$PAGEFIND" --site "$h_out" --quiet
    touch_one "$site" "hugo $r"
    # shellcheck disable=SC2046 # the paths have no spaces (mktemp)
    measure "$logs/hugo-onefile" $(hugo_args "$site" "$h_out")
    measure "$logs/pf-onefile" "$PAGEFIND" --site "$h_out" --quiet
  done
  for step in full nochange onefile; do
    sum_logs "$logs/hp-$step" "$logs/hugo-$step" "$logs/pf-$step"
  done
  h_bytes=$(bytes "$h_out")
  h_pages=$(html_count "$h_out")
  pf_index=$(bytes "$h_out/pagefind")

  {
    echo "size $n files $files kb_pages $kb_pages hugo_pages $h_pages"
    for step in full nochange onefile; do
      echo "kb-$step $(median 1 "$logs/kb-$step") $(median 2 "$logs/kb-$step") $(median 3 "$logs/kb-$step")"
      echo "hugo-$step $(median 1 "$logs/hugo-$step") $(median 2 "$logs/hugo-$step") $(median 3 "$logs/hugo-$step")"
      echo "pf-$step $(median 1 "$logs/pf-$step") $(median 2 "$logs/pf-$step") $(median 3 "$logs/pf-$step")"
      echo "hp-$step $(median 1 "$logs/hp-$step") $(median 2 "$logs/hp-$step") $(median 3 "$logs/hp-$step")"
    done
    echo "bytes $kb_bytes $h_bytes ${kb_index:-0} $pf_index"
  } >>"$RESULTS"
done

# --- the table --------------------------------------------------------------------------------
# Times are medians of $RUNS runs in seconds; memory is peak RSS in MB; ratios = kennisbank / (Hugo + Pagefind)
# and kennisbank / Hugo alone (which builds no search index).
echo
echo "kennisbank vs Hugo $(hugo version | grep -o 'v[0-9.]*' | sed -n 1p) + Pagefind $("$PAGEFIND" --version | awk '{print $2}'), medians of $RUNS runs, $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
awk '
  function r(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
  $1 == "size" {
    n = $2; files[n] = $4; kp[n] = $6; hp[n] = $8; order[++count] = n; next
  }
  $1 == "bytes" { kb[n] = $2; hb[n] = $3; ki[n] = $4; pi[n] = $5; next }
  { split($1, p, "-"); wall[n, p[1], p[2]] = $2; cpu[n, p[1], p[2]] = $3; rss[n, p[1], p[2]] = $4 }
  END {
    print "| pages (files) | measure | kennisbank | Hugo | Pagefind | Hugo + Pagefind | ratio | ratio to Hugo |"
    print "|---|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= count; i++) {
      n = order[i]
      label = n " (" files[n] ")"
      split("full nochange onefile", steps, " ")
      split("full build, no-change rebuild, one-file rebuild", names, ", ")
      for (s = 1; s <= 3; s++) {
        st = steps[s]
        printf "| %s | %s wall s | %.2f | %.2f | %.2f | %.2f | %s | %s |\n", label, names[s], wall[n,"kb",st], wall[n,"hugo",st], wall[n,"pf",st], wall[n,"hp",st], r(wall[n,"kb",st], wall[n,"hp",st]), r(wall[n,"kb",st], wall[n,"hugo",st])
        if (st == "full") {
          printf "| %s | full build CPU s | %.2f | %.2f | %.2f | %.2f | %s | %s |\n", label, cpu[n,"kb",st], cpu[n,"hugo",st], cpu[n,"pf",st], cpu[n,"hp",st], r(cpu[n,"kb",st], cpu[n,"hp",st]), r(cpu[n,"kb",st], cpu[n,"hugo",st])
          printf "| %s | full build peak MB | %.0f | %.0f | %.0f | %.0f | %s | %s |\n", label, rss[n,"kb",st]/1024, rss[n,"hugo",st]/1024, rss[n,"pf",st]/1024, rss[n,"hp",st]/1024, r(rss[n,"kb",st], rss[n,"hp",st]), r(rss[n,"kb",st], rss[n,"hugo",st])
          printf "| %s | per page (full wall) ms | %.2f | %.2f | %.2f | %.2f | | |\n", label, 1000*wall[n,"kb",st]/files[n], 1000*wall[n,"hugo",st]/files[n], 1000*wall[n,"pf",st]/files[n], 1000*wall[n,"hp",st]/files[n]
        }
      }
      printf "| %s | HTML pages | %d | %d | | | | |\n", label, kp[n], hp[n]
      printf "| %s | output MB (incl. index) | %.1f | | | %.1f | %s | |\n", label, kb[n]/1e6, hb[n]/1e6, r(kb[n], hb[n])
      printf "| %s | search index MB | %.1f | | %.1f | | %s | |\n", label, ki[n]/1e6, pi[n]/1e6, r(ki[n], pi[n])
    }
    print ""
    for (i = 1; i <= count; i++) {
      n = order[i]
      printf "%d pages, rebuild / full build (wall): kennisbank no-change %s, one-file %s; Hugo no-change %s, one-file %s\n", n, r(wall[n,"kb","nochange"], wall[n,"kb","full"]), r(wall[n,"kb","onefile"], wall[n,"kb","full"]), r(wall[n,"hugo","nochange"], wall[n,"hugo","full"]), r(wall[n,"hugo","onefile"], wall[n,"hugo","full"])
    }
  }' "$RESULTS"
# The serve rows: edit → new page served (medians, ms) and the server's memory (MB).
echo
echo "| pages | serve: body edit ms | front-matter edit (a source title) ms | front-matter edit (a term summary) ms | VmRSS MB | VmHWM MB |"
echo "|---|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
  awk -v n="$n" '
    / edit/ { for (i = 1; i <= NF; i++) if ($i == "median") ms[++k] = $(i + 1) }
    /^serve memory/ { rss = $4; hwm = $7 }
    END { printf "| %s | %s | %s | %s | %s | %s |\n", n, ms[1], ms[2], ms[3], rss, hwm }' "$WORK/serve-$n.txt"
done
echo
echo "raw figures: $RESULTS and $WORK/serve-*.txt (work folder $WORK; remove it when done)"
