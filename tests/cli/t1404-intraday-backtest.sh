#!/bin/bash
# t1404-intraday-backtest.sh - wfm intraday --backtest: the "before" WAPE of
# a replayed day is the error of the evening-before forecast on the rest of
# the day.  Recomputed here independently: the history cut at the day,
# `wfm forecast` of that day with the same model, and awk's WAPE from 12:00
# to midnight against the day's actuals (times the shock).  forecast.csv
# keeps 2 decimals, so the two agree to 0.05 points.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
DAY=2026-11-22
awk -F, -v d=$DAY 'NR == 1 || $1 < d' "$DATA/history.csv" > $T/cut.csv
wfm forecast $T/cut.csv --horizon 1d --model regression -q -o $T/fc.csv
is "evening-before forecast" $? 0
# per channel and pooled ("all"): 100 * sum|f - x a| / sum x a, from 12:00
wape() {
	awk -F, -v d=$DAY -v x="$1" 'FNR == 1 { next } NR == FNR { f[$1 "," $2] = $3; next }
		substr($1, 1, 10) == d && substr($1, 12, 5) >= "12:00" {
			a = x * $3; e = f[$1 "," $2] - a; e = e < 0 ? -e : e
			E[$2] += e; A[$2] += a; E["all"] += e; A["all"] += a }
		END { for (c in A) printf "%s %.2f\n", c, 100 * E[c] / A[c] }' $T/fc.csv "$DATA/history.csv" | sort
}
for shock in 1 1.4; do
	wfm intraday --backtest "$DATA/history.csv" --days 1 --at 12:00 --shock $shock -o $T/bt.csv 2>$T/err
	is "backtest x$shock: exit" $? 0
	awk 'NR > 1 && $2 == "12:00" { print $1, $4 }' $T/bt.csv | sort > $T/got
	wape $shock > $T/want
	is "backtest x$shock: channels" "$(cut -d' ' -f1 $T/got | tr '\n' ' ')" "all calls chat declarations letters "
	while read -r c w; do
		near "backtest x$shock: $c WAPE before" "$(awk -v c=$c '$1 == c { print $2 }' $T/got)" "$w" 0.05
	done < $T/want
done
finish
