#!/bin/bash
# t1238-hostile-sizes.sh - issue 22 items that need inputs too large for
# tests/bad, made here:
#  - 22.7: a header of 1,000,000 columns (7.9 MB) is read in linear time
#    (the duplicate check was quadratic: past 300 s) and refused in one line;
#  - 22.15: on hostile histories (one AHT of 3e6 s, a volume of 1e308, a
#    year ahead from 3 weeks) every forecast's point value lies inside its
#    interval, volume_lo <= volume <= volume_hi.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
awk 'BEGIN { printf "timestamp,channel,volume"; for (i = 0; i < 1000000; i++) printf ",c%d", i; printf "\n" }' >$T/wide.csv
timeout 60 "$BIN/wfm-profile" $T/wide.csv -o $T/out 2>$T/err
is "1e6 columns: exit 1 within 60 s" $? 1
is "1e6 columns: one line" "$(wc -l <$T/err)" 1
ok "1e6 columns: no output" test ! -e $T/out
head -n $((1 + 21 * 24 * 4)) "$DATA/history.csv" >$T/h3w.csv
awk -F, -v OFS=, 'NR == 202 && $2 == "calls" { $4 = 3000000 } NR == 299 && $2 == "chat" { $3 = "1e308" } { print }' \
	$T/h3w.csv >$T/hostile.csv
inside() { awk -F, 'NR > 1 && ($5 > $3 || $6 < $3) { n++ } END { print n + 0 }' "$1"; }
for h in h3w hostile; do
	wfm forecast $T/$h.csv --horizon 365d -q -o $T/f-$h.csv 2>/dev/null
	is "$h, 365 days: exit" $? 0
	is "$h, 365 days: rows" "$(($(wc -l <$T/f-$h.csv) - 1))" $((365 * 24 * 4))
	is "$h, 365 days: every point inside its interval" "$(inside $T/f-$h.csv)" 0
done
finish
