#!/bin/bash
# t0700-chart-formats.sh - wfm-chart: every kind renders its fixture as
# PNG (signature, IHDR size), SVG (parses as XML), PDF (header, A4 page);
# same input, same bytes across runs; -o - writes PNG to standard output.
. "$(dirname "$0")/lib.sh"
F=$FIX/chart
export TZ=Europe/Moscow
# PNG width and height from the IHDR chunk (bytes 17-24, big-endian).
ihdr() { od -An -tu1 -j16 -N8 "$1" | awk '{printf "%dx%d", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8}'; }
sig() { od -An -tx1 -N8 "$1" | tr -d ' \n'; }
run() { local kind=$1 in=$2 out=$3; shift 3; wfm chart "$kind" "$F/$in" "$@" -o "$T/$out"; }

for k in forecast:forecast.csv coverage:coverage.csv profile:profile.csv staff:evaluation.csv; do
	kind=${k%%:*} in=${k#*:}
	ok "$kind png" run $kind $in $kind.png
	is "$kind png signature" "$(sig $T/$kind.png)" 89504e470d0a1a0a
	is "$kind png size A4 landscape" "$(ihdr $T/$kind.png)" 1684x1190
done
# Roster and functions grow tall to keep 16-px rows: roster 120 agents
# -> 90 + 44 + 60 + 120 * 16 = 2114; day of 101 agents -> 1810;
# functions 101 agents -> 44 + 90 + 30 + 230 + 101 * 16 = 2010.
ok "roster week png" run roster roster.csv roster.png
is "roster week size" "$(ihdr $T/roster.png)" 1684x2114
ok "roster day png" run roster roster.csv roster-day.png --date 2026-11-27
is "roster day size" "$(ihdr $T/roster-day.png)" 1684x1810
ok "functions png" run functions functions.csv functions.png
is "functions size" "$(ihdr $T/functions.png)" 1684x2010
ok "custom size" run coverage coverage.csv small.png --width 1000 --height 700
is "custom size honoured" "$(ihdr $T/small.png)" 1000x700

for kind in forecast coverage roster functions profile staff; do
	in=$kind.csv; [ $kind = staff ] && in=evaluation.csv
	ok "$kind svg" run $kind $in a.svg
	if command -v xmllint >/dev/null; then
		ok "$kind svg parses as XML" xmllint --noout $T/a.svg
	else
		ok "$kind svg root" grep -q '<svg' $T/a.svg
	fi
	ok "$kind pdf" run $kind $in a.pdf
	is "$kind pdf header" "$(head -c 7 $T/a.pdf)" "%PDF-1."
	case $kind in roster|forecast) ;; *) continue ;; esac   # re-runs: two kinds (time)
	run $kind $in b.svg
	ok "$kind svg same bytes twice" cmp $T/a.svg $T/b.svg
	run $kind $in b.pdf
	ok "$kind pdf same bytes twice" cmp $T/a.pdf $T/b.pdf
	run $kind $in b.png; run $kind $in c.png
	ok "$kind png same bytes twice" cmp $T/b.png $T/c.png
done
# A4 landscape page in points (842 x 595, from 1684 x 1190 at half scale).
ok "pdf page is A4 landscape" grep -aq 'MediaBox \[ 0 0 842 595 \]' $T/a.pdf
ok "pdf creation date fixed" grep -aq 'CreationDate (20260101000000Z)' $T/a.pdf

# Paged PDF: 120 agents at 16-px rows, (1190 - 44 - 90 - 60) / 16 = 62
# rows to an A4 page -> 2 pages; functions (1190 - 394) / 16 = 49 rows
# -> 101 agents on 3 pages.
run roster roster.csv week.pdf
ok "roster pdf: 2 A4 pages" grep -aq '/Count 2' $T/week.pdf
ok "roster pdf: page is A4" grep -aq 'MediaBox \[ 0 0 842 595 \]' $T/week.pdf
run functions functions.csv fn.pdf
ok "functions pdf: 3 pages" grep -aq '/Count 3' $T/fn.pdf

wfm chart coverage $F/coverage.csv -o - > $T/stdout.png
run coverage coverage.csv file.png
ok "-o - writes the same PNG to stdout" cmp $T/stdout.png $T/file.png

ok "--help" wfm chart --help
ok "--help has an example" bash -c "'$BIN/wfm-chart' --help | grep -q 'wfm chart roster'"
ok "--version" wfm chart --version
wfm chart gantt $F/roster.csv -o $T/x.png 2>/dev/null; is "unknown kind exits 2" $? 2
wfm chart roster $F/roster.csv -o $T/x.jpg 2>/dev/null; is "unknown extension exits 2" $? 2
ok "no file for a usage error" test ! -e $T/x.jpg
wfm chart roster 2>/dev/null; is "missing input exits 2" $? 2
finish
