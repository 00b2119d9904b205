#!/bin/sh
# b0705-chart-roster-5000.sh - wfm-chart roster of 5,000 agents as PNG
# (issue 21: peak RSS < 100 MB; it was 223 MB at 1684 x 32,000 px).  Two
# generated week rosters: "copies" (the 120-agent chart fixture copied
# under ids B0001..B5000, so agents share shift patterns and rows merge)
# and "distinct" (each shift moved by a seeded 0-105 min, 15-min steps, per
# agent and day: 5,000 different weeks, rows thin to fit 16 M pixels).
# Figures: best of 3 wall seconds, its CPU, peak RSS (/usr/bin/time -v's
# maximum resident set size), canvas size.
set -eu
B=${BENCH_TMP:-/tmp}
export TZ=Europe/Moscow
awk -F, -v OFS=, 'NR == 1 { print; next }
	{ a = substr($2, 2) + 0; for (k = 0; k * 120 + a <= 5000; k++) { $2 = sprintf("B%04d", k * 120 + a); print } }' \
	tests/fixtures/chart/roster.csv > $B/rc5000.csv
awk -F, -v OFS=, 'function hm(s) { split(s, p, ":"); return p[1] * 60 + p[2] }
	function fmt(m) { m %= 1440; return sprintf("%02d:%02d", int(m / 60), m % 60) }
	NR == 1 { print; next }
	{ id = substr($2, 2) + 0; x = id * 31 + substr($1, 9, 2); for (k = 0; k < 3; k++) x = (x * 1103515245 + 12345) % 2147483648
	  d = int(x / 65536) % 8 * 15
	  $4 = fmt(hm($4) + d); $5 = fmt(hm($5) + d); if ($6 != "") { $6 = fmt(hm($6) + d); $7 = fmt(hm($7) + d) }
	  print }' $B/rc5000.csv > $B/rd5000.csv
t() { /usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -n 1; }
for kind in c d; do
	name=copies; [ $kind = d ] && name=distinct
	for view in week day; do
		b=999; day=""; [ $view = day ] && day="--date 2026-11-27"
		for i in 1 2 3; do
			# shellcheck disable=SC2086
			set -- $(t bin/wfm-chart roster $B/r${kind}5000.csv $day -o $B/r.png)
			if awk -v a="$b" -v c="$1" 'BEGIN { exit !(c < a) }'; then
				b=$1; u=$(awk -v a="$2" -v c="$3" 'BEGIN { print a + c }'); m=$4
			fi
		done
		size=$(od -An -tu1 -j16 -N8 $B/r.png | awk '{ printf "%dx%d", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8 }')
		echo "chart_roster_${view}_5000_${name}_png: $b s wall, $u s CPU, peak $m KiB (goal < 100 MB), $size px"
	done
done
