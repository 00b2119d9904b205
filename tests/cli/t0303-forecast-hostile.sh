#!/bin/bash
# t0303-forecast-hostile.sh - plausible but hostile histories (issue 22
# item 3) never give a negative or non-finite volume or AHT: one AHT of
# 3,000,000 s among 2,016 rows; 3 weeks of history forecast 3,650 days
# ahead (a trend extrapolated that far went below 0); one volume of
# 1e308.  Bounds: AHT within the range of the sane history values (the
# trend may at most halve or double it), volumes >= 0 and finite.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
head -n $((1 + 21 * 24 * 4)) "$DATA/history.csv" >"$T/h3w.csv"
finite_nonneg() { awk -F, 'NR > 1 { for (j = 3; j <= 6; j++) if ($j != "" && !($j + 0 >= 0 && $j ~ /^[0-9.]+$/)) bad++ } END { print bad + 0 }' "$1"; }
range() { awk -F, -v c="$2" 'NR > 1 && $2 == c && $4 + 0 > 0 && $4 + 0 < 100000 { if (m == "" || $4 < m) m = $4; if ($4 > M) M = $4 } END { print m, M }' "$1"; }
# one absurd AHT
awk -F, -v OFS=, 'NR == 202 && $2 == "calls" { $4 = 3000000 } { print }' "$T/h3w.csv" >"$T/aht.csv"
ok "the absurd AHT is in the input" grep -q ',3000000$' "$T/aht.csv"
wfm forecast "$T/aht.csv" --horizon 14d -q -o "$T/f1.csv"
is "one AHT of 3e6 s: no negative or non-finite field" "$(finite_nonneg "$T/f1.csv")" 0
read -r lo hi <<<"$(range "$T/h3w.csv" calls)"
ok "calls AHT within the history's sane range ($lo..$hi)" awk -F, -v lo="$lo" -v hi="$hi" \
	'NR > 1 && $2 == "calls" && $3 > 0 && ($4 < lo / 2 || $4 > 2 * hi) { exit 1 }' "$T/f1.csv"
# 3 weeks, 10 years ahead (one channel to keep it small)
wfm forecast "$T/h3w.csv" --horizon 3650d --channels calls -q -o "$T/f2.csv"
is "3650 days: rows" "$(($(wc -l <"$T/f2.csv") - 1))" $((3650 * 24))
is "3650 days: no negative or non-finite field" "$(finite_nonneg "$T/f2.csv")" 0
ok "3650 days: AHT at most doubled" awk -F, -v hi="$hi" 'NR > 1 && $4 > 2 * hi { exit 1 }' "$T/f2.csv"
# one volume of 1e308
awk -F, -v OFS=, 'NR == 299 && $2 == "chat" { $3 = "1e308" } { print }' "$T/h3w.csv" >"$T/big.csv"
wfm forecast "$T/big.csv" --horizon 7d -q -o "$T/f3.csv"
is "one volume of 1e308: no negative or non-finite field" "$(finite_nonneg "$T/f3.csv")" 0
finish
