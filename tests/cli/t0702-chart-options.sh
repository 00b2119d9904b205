#!/bin/bash
# t0702-chart-options.sh - the help text's shape, no PNG bytes on a
# terminal, and --plan (roster only) changing the roster chart.
. "$(dirname "$0")/lib.sh"
F=$FIX/chart
cd "$T" || exit 1
export TZ=Europe/Moscow

wfm chart --help > help.txt; is "help exit 0" $? 0
for s in '^Usage: wfm chart ' '^Options:' '^Examples:' \
	'^  -h, --help  +show this help and exit$' '^  -V, --version  +show the version and exit$' '--plan FILE'; do
	ok "help has $s" grep -Eq -- "$s" help.txt
done

# No -o and standard output a terminal: usage error, nothing written.
if script -qec true /dev/null >/dev/null 2>&1; then
	script -qec "$BIN/wfm-chart coverage $F/coverage-day.csv" /dev/null > tty.txt 2>&1; rc=$?
	is "terminal stdout: exit 2" $rc 2
	ok "terminal stdout: says give -o" grep -q "standard output is a terminal: give -o FILE" tty.txt
	ok "terminal stdout: no PNG bytes" sh -c '! grep -aq IHDR tty.txt'
fi
# A pipe is fine.
is "pipe gets PNG" "$(wfm chart coverage $F/coverage-day.csv | head -c 4 | tail -c 3)" PNG

wfm chart coverage $F/coverage-day.csv --plan $F/plan-2.csv -o x.png 2>err; rc=$?
is "--plan on coverage: exit 2" $rc 2
ok "--plan on coverage: says so" grep -q "roster chart only" err
ok "--plan on coverage: no output" test ! -e x.png

# 2 agents, plan of 1 + 3 shifts on 11-23 (2 unfilled, 16 h) and one on
# 11-24 (filled): the SVG carries the subtitle as glyphs, so compare the
# PNG with and without --plan instead: the lane adds a row.
ok "roster --plan" wfm chart roster $F/roster-2.csv --plan $F/plan-2.csv -o plan.png
ok "roster without" wfm chart roster $F/roster-2.csv -o noplan.png
ok "the plan changes the chart" sh -c '! cmp -s plan.png noplan.png'
ok "--plan deterministic" sh -c "$BIN/wfm-chart roster $F/roster-2.csv --plan $F/plan-2.csv -o plan2.png && cmp plan.png plan2.png"

# forecast.csv on standard input is read in one pass with its band
# (lib/series.c): with the band columns the chart differs from the same
# forecast without them (the subtitle names the input, so both come from
# standard input).
cut -d, -f1-4 $F/forecast.csv > noband.csv
ok "forecast from stdin" sh -c "$BIN/wfm-chart forecast - -o f1.png < $F/forecast.csv"
ok "forecast from stdin, no band" sh -c "$BIN/wfm-chart forecast - -o f2.png < noband.csv"
ok "stdin keeps the band" sh -c '! cmp -s f1.png f2.png'
finish
