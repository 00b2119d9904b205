#!/bin/sh
# b1400-intraday.sh - wfm-intraday: one cron run for 1,000 agents, 5
# channels, 15-minute intervals (the Black Friday fixture's forecast x
# 1000/120 plus a fifth channel, the week's roster of 120 agents copied to
# 1,000, calls +50% until noon, run at 12:00 with every option); then the
# backtest of the update on the bundled history (the done-when figures of
# docs/intraday.md: no shock, x1.4 and x0.7).  Figures: best of 3 wall times.
set -eu
B=${BENCH_TMP:-/tmp}
F=tests/fixtures/intraday
export TZ=Europe/Moscow
awk -F, 'NR == 1 { print; next } { rows[++n] = $0 }
	END { for (i = 0; i < 1000; i++) { split(rows[i % n + 1], f, ","); f[1] = sprintf("B%04d", i + 1)
		line = f[1]; for (k = 2; k <= 9; k++) line = line "," f[k]; print line } }' data/staff.csv > $B/staff1000.csv
awk -F, -v OFS=, 'FNR == 1 { if (NR == 1) next; print; next }
	FILENAME ~ /staff/ { idx[$1] = FNR - 1; next }
	{ k = idx[$2]; for (i = k; i <= 1000; i += 120) { $2 = sprintf("B%04d", i); print } }' \
	data/staff.csv $F/bf-roster.csv > $B/roster1000.csv
awk -F, -v OFS=, 'NR == 1 { print; next } { $3 *= 1000 / 120; $5 *= 1000 / 120; $6 *= 1000 / 120; print
		if ($2 == "letters") { $2 = "email"; print } }' $F/bf-forecast.csv > $B/fc1000.csv
(cat data/channels.csv; grep '^letters,' data/channels.csv | sed 's/^letters/email/') > $B/channels5.csv
awk -F, 'NR == 1 { print "timestamp,channel,volume,aht_s"; next }
	$1 < "2026-11-27T12:00" { printf "%s,%s,%d,%s\n", $1, $2, $3 * 1.5 + 0.5, $4 }' $B/fc1000.csv > $B/today1000.csv
t() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -n 1; }
set -- $B/fc1000.csv --actuals $B/today1000.csv --now 2026-11-27T12:00 \
	--channels $B/channels5.csv --roster $B/roster1000.csv --staff $B/staff1000.csv --rules data/rules.csv \
	--actions $B/actions.csv --gap $B/gap.csv --apply $B/applied.csv -o $B/re.csv
best=999 cpu=999
for i in 1 2 3; do
	r=$(t bin/wfm-intraday "$@" -q); s=${r% *}
	c=$(/usr/bin/time -f '%U %S' bin/wfm-intraday "$@" -q 2>&1 | tail -n 1 | awk '{ print $1 + $2 }')
	best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
	cpu=$(awk -v a="$cpu" -v b="$c" 'BEGIN { print (b < a) ? b : a }')
done
bin/wfm-intraday "$@" 2>$B/rep.txt
echo "intraday_run_1000_agents_5ch_15min: $best s wall, $cpu s CPU ($(grep -c '^overtime' $B/actions.csv) overtime, \
$(grep -c '^break_move' $B/actions.csv) break moves, $(grep -c '^vto' $B/actions.csv) VTO; \
$(grep -o 'shortfall [0-9.]* agent-hours' $B/rep.txt) -> $(sed -n 's/.*actions: shortfall \([0-9.]*\).*/\1/p' $B/rep.txt))"
echo "intraday_run_peak_rss: ${r#* } KiB"
for k in 1 1.4 0.7; do
	r=$(t bin/wfm-intraday --backtest data/history.csv --events data/events.csv --shock $k -o $B/bt$k.txt); s=${r% *}
	awk -v k=$k -v s=$s '$1 == "all" && $2 == "12:00" { printf "intraday_backtest_x%s: %s s; at 12:00 rest-of-day WAPE %.2f%% -> %.2f%%, level gap closed %.1f%%\n", k, s, $4, $5, $7 }' $B/bt$k.txt
done
awk 'NR > 3 && $1 != "all" && $6 > m { m = $6; w = $1 " " $2 } END { printf "intraday_backtest_no_shock_worst: %+.2f%% relative WAPE (%s), bar +2%%\n", m, w }' $B/bt1.txt
awk '$1 == "all" && $2 == "12:00" { print $4, $5 }' $B/bt1.txt $B/bt1.4.txt | tr '\n' ' ' |
	awk '{ printf "intraday_backtest_x1.4_gap_closed_at_12: %.0f%% of the WAPE the shock added (bar 50%%)\n", 100 * ($3 - $4) / ($3 - $1) }'
