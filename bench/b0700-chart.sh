#!/bin/sh
# b0700-chart.sh - wfm-chart: a week roster of 1,000 agents (the 120-agent
# fixture's shifts copied under new ids) as PNG, SVG and PDF, best of 3;
# and the demo's day charts.  Target: week roster PNG under 2 s.
set -eu
F=tests/fixtures/chart
R=${BENCH_TMP:-/tmp}/roster-1000.csv
awk -F, -v OFS=, 'NR == 1 { print; next }
	{ a = substr($2, 2) + 0; for (k = 0; k < 9; k++) if (k * 120 + a <= 1000) { $2 = sprintf("B%04d", k * 120 + a); print } }' \
	$F/roster.csv > "$R"
agents=$(cut -d, -f2 "$R" | sed 1d | sort -u | wc -l)
shifts=$(($(wc -l < "$R") - 1))
export TZ=Europe/Moscow
t() { /usr/bin/time -f '%e %U %S %M' "$@" 2>&1 >/dev/null | tail -n 1; }
best() {  # best of 3 wall seconds ($b), its CPU seconds ($u) and peak KiB ($m)
	b=999
	for i in 1 2 3; do
		set -- $(t "$@") "$@"
		if awk -v a="$b" -v c="$1" 'BEGIN{exit !(c<a)}'; then
			b=$1; u=$(awk -v a="$2" -v c="$3" 'BEGIN{print a+c}'); m=$4
		fi
		shift 4
	done
}
for ext in png svg pdf; do
	best bin/wfm-chart roster "$R" -o "${BENCH_TMP:-/tmp}/roster-1000.$ext"
	echo "chart_roster_week_1000_$ext: $b s wall, $u s CPU ($agents agents, $shifts shifts, peak $m KiB, $(wc -c < "${BENCH_TMP:-/tmp}/roster-1000.$ext") bytes)"
done
size=$(od -An -tu1 -j16 -N8 "${BENCH_TMP:-/tmp}/roster-1000.png" | awk '{printf "%dx%d", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8}')
echo "chart_roster_week_1000_png_size: $size px"
best bin/wfm-chart forecast $F/forecast.csv --history data/history.csv --events data/events.csv -o "${BENCH_TMP:-/tmp}/f.png"
echo "chart_forecast_with_2y_history: $b s wall, $u s CPU (reads 69,888 history rows)"
best bin/wfm-chart roster $F/roster.csv --date 2026-11-27 -o "${BENCH_TMP:-/tmp}/r.png"
echo "chart_roster_day_101: $b s wall, $u s CPU"
