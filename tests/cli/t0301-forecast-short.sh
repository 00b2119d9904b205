#!/bin/bash
# t0301-forecast-short.sh - too little history falls back (named on
# stderr); gaps are reported and imputed; snaive on a tiny series is the
# value a week before, checked by hand.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
# 10 days of the bundled history: under 2 weeks, HW falls back to snaive
head -n $((1 + 10 * 24 * 4)) "$DATA/history.csv" >"$T/h10.csv"
wfm forecast "$T/h10.csv" --horizon 1d --model hw -o "$T/f.csv" 2>"$T/err"
is "exit 0 with fallback" $? 0
ok "fallback named" grep -q 'too little for hw: fell back to snaive' "$T/err"
# snaive = the same hour 7 days before: 2024-11-28T10:00 calls (10 days
# start Mon 2024-11-25, horizon Thu 2024-12-05)
want=$(awk -F, '$1=="2024-11-28T10:00" && $2=="calls"{print $3}' "$T/h10.csv")
got=$(awk -F, '$1=="2024-12-05T10:00" && $2=="calls"{printf "%.0f", $3}' "$T/f.csv")
is "snaive fallback value" "$got" "$want"
# gaps: drop two rows of calls in the 5th week; reported, still forecast
head -n $((1 + 35 * 24 * 4)) "$DATA/history.csv" | grep -v -e '^2024-12-2[34]T10:00,calls' >"$T/gap.csv"
wfm forecast "$T/gap.csv" --horizon 2d -o "$T/g.csv" 2>"$T/err"
is "exit 0 with gaps" $? 0
ok "gaps reported" grep -q 'calls: 2 missing intervals (first 2024-12-23T10:00)' "$T/err"
is "gap forecast rows" "$(($(wc -l <"$T/g.csv") - 1))" 192
# wider level, wider interval (same model, same residuals): 5 weeks of history
head -n $((1 + 35 * 24 * 4)) "$DATA/history.csv" >"$T/h35.csv"
wfm forecast "$T/h35.csv" --horizon 1d --model regression --level 50 -o "$T/l50.csv"
wfm forecast "$T/h35.csv" --horizon 1d --model regression --level 95 -o "$T/l95.csv"
w50=$(awk -F, 'NR>1{s+=$6-$5} END{printf "%.0f", s}' "$T/l50.csv")
w95=$(awk -F, 'NR>1{s+=$6-$5} END{printf "%.0f", s}' "$T/l95.csv")
ok "95% interval wider than 50% ($w95 > $w50)" awk -v a="$w95" -v b="$w50" 'BEGIN{exit !(a > b && b > 0)}'
ok "same point forecast at any level" cmp <(cut -d, -f1-4 "$T/l50.csv") <(cut -d, -f1-4 "$T/l95.csv")
# JSON forecast rows
wfm forecast "$T/h35.csv" --horizon 1h --model snaive --format json -o "$T/f.json"
is "json rows" "$(grep -c '"timestamp":"2024-12-30T00:00","channel":' "$T/f.json")" 4
finish
