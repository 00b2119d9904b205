#!/bin/bash
# t0300-forecast-bundled.sh - the demo invocation of wfm-forecast on the
# bundled 2-year history: shape of the output, closed chat hours, the
# Black Friday uplift (generator's expected day total 7,006, data/README.md),
# intervals around the forecast, the backtest report, determinism.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
F=$T/forecast.csv
wfm forecast "$DATA/history.csv" --horizon 14d --model auto --events "$DATA/events.csv" \
	--backtest 8w -o "$F" 2>"$T/report.txt"
is "exit status" $? 0
is "header" "$(head -n 1 "$F")" "timestamp,channel,volume,aht_s,volume_lo,volume_hi"
is "rows: 14 days x 24 h x 4 channels" "$(($(wc -l <"$F") - 1))" 1344
is "horizon starts after the history" "$(sed -n 2p "$F" | cut -d, -f1)" "2026-11-23T00:00"
is "horizon ends 14 days later" "$(tail -n 1 "$F" | cut -d, -f1)" "2026-12-06T23:00"
is "a chosen model per channel" "$(grep -c '<- chosen' "$T/report.txt")" 4
is "report has 3 models x 4 channels" "$(grep -cE '^(calls|chat|letters|declarations) +(snaive|hw|regression) ' "$T/report.txt")" 12
# chat is closed 01:00-06:59 every day: exactly zero, with zero bounds
is "closed chat hours are 0" "$(awk -F, '$2=="chat" && substr($1,12,2)>="01" && substr($1,12,2)<="06" && ($3!=0 || $6!=0)' "$F" | wc -l)" 0
is "lo <= volume <= hi" "$(awk -F, 'NR>1 && ($5>$3+1e-9 || $6<$3-1e-9)' "$F" | wc -l)" 0
bf=$(awk -F, 'substr($1,1,10)=="2026-11-27"{s+=$3} END{printf "%.0f", s}' "$F")
thu=$(awk -F, 'substr($1,1,10)=="2026-12-03"{s+=$3} END{printf "%.0f", s}' "$F")
near "Black Friday total near the generator's 7,006" "$bf" 7006 750
ok "Black Friday over twice a normal Thursday ($bf vs $thu)" awk -v a="$bf" -v b="$thu" 'BEGIN{exit !(a > 2*b)}'
# AHT: calls weekday AHT was ~303 s in the last week of history
aht=$(awk -F, '$2=="calls" && substr($1,1,10)=="2026-12-02" && substr($1,12,2)>="09" && substr($1,12,2)<="18" {s+=$4;n++} END{printf "%.0f", s/n}' "$F")
near "calls daytime AHT" "$aht" 303 20
# same input, same output
wfm forecast "$DATA/history.csv" --horizon 14d --events "$DATA/events.csv" --backtest 8w -o "$T/again.csv" 2>/dev/null
ok "deterministic" cmp "$F" "$T/again.csv"
# daily roll-up = sum of the intervals
wfm forecast "$DATA/history.csv" --horizon 14d --events "$DATA/events.csv" --aggregate day -o "$T/day.csv"
is "day rows" "$(($(wc -l <"$T/day.csv") - 1))" 56
dsum=$(awk -F, '$1=="2026-11-27"{s+=$3} END{printf "%.0f", s}' "$T/day.csv")
near "daily roll-up equals the interval sum" "$dsum" "$bf" 1
# --backtest alone: report on stdout, JSON on request
out=$(wfm forecast "$DATA/history.csv" --backtest 2w --channels letters --model snaive)
ok "backtest alone prints the report" grep -q '^letters  *snaive ' <<<"$out"
js=$(wfm forecast "$DATA/history.csv" --backtest 2w --channels chat --format json)
ok "json report" grep -q '"channel":"chat","chosen":"[a-z]*","models":\[{"model":"snaive","wape":' <<<"$js"
finish
