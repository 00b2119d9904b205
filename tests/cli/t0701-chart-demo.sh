#!/bin/bash
# t0701-chart-demo.sh - the chart lines of tests/demo.sh, verbatim, with
# the fixtures of tests/fixtures/chart standing in for out/*.csv (the
# upstream programs are written in parallel), plus bad input per kind:
# the columns of another kind -> exit 1, a message naming the column,
# no output file.
. "$(dirname "$0")/lib.sh"
F=$FIX/chart
cd "$T" || exit 1
ln -s "$ROOT/bin" bin
ln -s "$ROOT/data" data
mkdir out
cp $F/profile.csv $F/forecast.csv $F/coverage.csv $F/evaluation.csv $F/roster.csv $F/functions.csv out/
export TZ=Europe/Moscow
ok "demo profile" bin/wfm chart profile out/profile.csv -o out/profile.png
ok "demo forecast" bin/wfm chart forecast out/forecast.csv --history data/history.csv --events data/events.csv -o out/forecast.png
ok "demo coverage" bin/wfm chart coverage out/coverage.csv -o out/coverage.png
ok "demo staff" bin/wfm chart staff out/evaluation.csv -o out/staff.png
ok "demo roster" bin/wfm chart roster out/roster.csv --date 2026-11-27 -o out/roster.png
ok "demo functions" bin/wfm chart functions out/functions.csv -o out/functions.png
is "six PNGs" "$(ls out/*.png | wc -l)" 6

# Wrong columns for the kind: each kind fed another kind's file.
bad() {  # kind input missing-column
	rm -f out/bad.png
	bin/wfm chart "$1" "out/$2" -o out/bad.png 2>err; rc=$?
	is "$1 on $2: exit 1" $rc 1
	ok "$1 on $2: names $3" grep -q "^wfm-chart: out/$2:1: $3: missing column" err
	ok "$1 on $2: one line" test "$(wc -l < err)" = 1
	ok "$1 on $2: no output" test ! -e out/bad.png
}
bad forecast coverage.csv channel
bad coverage roster.csv timestamp
bad roster functions.csv date
bad functions roster.csv timestamp
bad profile forecast.csv group
bad staff forecast.csv service_level
finish
