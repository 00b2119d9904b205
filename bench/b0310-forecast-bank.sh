#!/bin/sh
# b0310-forecast-bank.sh - forecast accuracy on data not from our own
# generator: bench/gen-bank.c (a bank open weekdays 07:00-21:00, public
# holidays as zero days, outages, level shifts, non-homogeneous Poisson
# arrivals) at 15 and 60 minutes.  From 4 origins (the ends of weeks 32,
# 34, 36 and 38 of 40) every model forecasts 14 days; WAPE is pooled over
# the 4 origins per grid, channel and model, beside the 4-week same-slot
# mean computed here in awk.  The events file lists the holidays with
# closed=1, as a bank would.  Then auto against snaive and the 4-week
# mean per series; the bundled history gets the same check (4 origins a
# week apart; snaive, regression and auto).  WFM_BENCH_SEED=N draws another
# bank (seed 7: auto 20-26 % below snaive on every series).
set -eu
TMP=${BENCH_TMP:-/tmp}
GENB=${GEN_BANK:-bin/.obj/wfm-gen-bank}
MODELS=${MODELS:-"snaive hw regression slotavg decomp auto"}
export TZ=UTC
ORIGINS="2025-08-18 2025-09-01 2025-09-15 2025-09-29"

# wape HIST_FULL FORECAST ORIGIN: per channel "channel abs_err actual"
score() {
	awk -F, -v o="$3" '
	FNR == 1 { f++; next }
	f == 1 && $1 >= o { a[$1 "," $2] = $3 }
	f == 2 { k = $1 "," $2; if (k in a) { e[$2] += ($3 > a[k] ? $3 - a[k] : a[k] - $3); y[$2] += a[k] } }
	END { for (c in e) print c, e[c], y[c] }' "$1" "$2"
}
# 4-week same-slot mean from ORIGIN: forecast file in the same format
mean4() {
	awk -F, -v o="$2" '
	function dfc(y, m, d,   era, yoe, doy, doe) {
		y -= (m <= 2); era = int((y >= 0 ? y : y - 399) / 400); yoe = y - era * 400
		doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
		doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
		return era * 146097 + doe - 719468 }
	function day(ts) { return dfc(substr(ts, 1, 4) + 0, substr(ts, 6, 2) + 0, substr(ts, 9, 2) + 0) }
	BEGIN { od = day(o); print "timestamp,channel,volume" }
	NR > 1 { d = day($1) }
	NR > 1 && d < od && d >= od - 28 { s[(d % 7) "," substr($1, 12) "," $2] += $3 }
	NR > 1 && d >= od && d < od + 14 { print $1 "," $2 "," s[(d % 7) "," substr($1, 12) "," $2] / 4 }
	' "$1"
}
# series NAME HISTORY EVENTS "MODELS" "ORIGINS": WAPE lines for one series
series() {
	name=$1 H=$2 EV=$3 models=$4 origins=$5
	: >"$TMP/scores-$name"
	for o in $origins; do
		awk -F, -v o="$o" 'NR == 1 || $1 < o' "$H" >"$TMP/hist.csv"
		for m in $models; do
			bin/wfm-forecast "$TMP/hist.csv" --horizon 14d --model $m \
				--events "$EV" -q -o "$TMP/f.csv"
			score "$H" "$TMP/f.csv" "$o" | sed "s/^/$m /" >>"$TMP/scores-$name"
		done
		mean4 "$H" "$o" >"$TMP/m4.csv"
		score "$H" "$TMP/m4.csv" "$o" | sed "s/^/mean4 /" >>"$TMP/scores-$name"
	done
	awk -v g=$name '{ e[$2 " " $1] += $3; y[$2 " " $1] += $4 }
	END { for (k in e) { split(k, p, " "); printf "%s_wape_%s_%s: %.2f %%\n", g, p[1], p[2], 100 * e[k] / y[k] } }' \
		"$TMP/scores-$name" | sort
	awk -v g=$name '{ e[$2 " " $1] += $3; y[$2 " " $1] += $4; ch[$2] = 1 }
	END { for (c in ch) {
		a = e[c " auto"] / y[c " auto"]; s = e[c " snaive"] / y[c " snaive"]; m = e[c " mean4"] / y[c " mean4"]
		printf "%s_auto_vs_snaive_%s: %+.1f %% (auto %.2f, snaive %.2f, 4-week mean %.2f WAPE %%)\n", g, c, 100 * (a / s - 1), 100 * a, 100 * s, 100 * m } }' \
		"$TMP/scores-$name" | sort
}
for g in 60 15; do
	"$GENB" $g "${WFM_BENCH_SEED:-20250106}" "$TMP"
	series bank${g}min "$TMP/bank-$g.csv" "$TMP/bank-events.csv" "$MODELS" "$ORIGINS"
done
# the bundled data (our own generator) the same way, as a guard
TZ=Europe/Moscow series bundled data/history.csv data/events.csv "snaive regression auto" \
	"2026-10-19 2026-10-26 2026-11-02 2026-11-09"
t=$(/usr/bin/time -f %e bin/wfm-forecast "$TMP/bank-15.csv" --horizon 14d --events "$TMP/bank-events.csv" \
	--backtest 8w -q -o "$TMP/f.csv" 2>&1 >/dev/null | tail -n 1)
echo "bank_forecast_time_15min_3ch: $t s (40 weeks x 3 channels at 15 min, auto, 8-week backtest, 14 days)"
