#!/bin/bash
# t1002-outbound-modes.sh - the example campaigns (complaint call-backs,
# delivery confirmations in five zones from Kaliningrad to Vladivostok and
# New York, warehouse calls, NPS) in the three dialing modes.  Per dial,
# preview costs 20 s more agent time than progressive, and predictive
# spends ring / L instead of ring: so the agents needed must order
# preview > progressive > predictive.  A capacity below that leaves a
# shortfall stated on stderr, and no interval uses more than the capacity.
. "$(dirname "$0")/lib.sh"
F=$FIX/outbound
export TZ=Europe/Moscow
need() { sed -n 's/.*agents needed: \([0-9.]*\) .*/\1/p' "$1"; }
for m in preview progressive predictive; do
	wfm outbound $F/campaigns.csv --from 2026-11-23 --rates $F/rates.csv --mode $m -o $T/$m.csv 2>$T/$m.err
	is "$m exit" $? 0
	ok "$m deadlines met" grep -q "every deadline met" $T/$m.err
done
a=$(need $T/preview.err) b=$(need $T/progressive.err) c=$(need $T/predictive.err)
ok "preview $a > progressive $b > predictive $c" awk -v a=$a -v b=$b -v c=$c 'BEGIN { exit !(a > b && b > c && c > 0) }'
# The level plan never exceeds the agents it reports.
is "predictive peak within need" "$(awk -F, -v n=$c 'NR > 1 { s[$1] += $6 } END { for (t in s) if (s[t] > n + 0.02) k++; print k + 0 }' $T/predictive.csv)" 0
# A capacity of 2 agents: shortfall stated, capacity respected.
wfm outbound $F/campaigns.csv --from 2026-11-23 --rates $F/rates.csv --agents 2 -o $T/cap.csv 2>$T/cap.err
is "capacity exit" $? 0
ok "shortfall total stated" grep -Eq "shortfall total: [0-9]+ records in [0-9]+ region\(s\); [0-9.]+ more agent-hours would be needed" $T/cap.err
is "capacity respected" "$(awk -F, 'NR > 1 { s[$1] += $6 } END { for (t in s) if (s[t] > 2.02) k++; print k + 0 }' $T/cap.csv)" 0
# Deadline 10:00, window from 09:00, 3 attempts 2 h apart: even unlimited
# agents dial each record once by the deadline; the default curve reaches
# 16 % at 09:00, so 100 - 16 = 84 records stay unworked.
wfm outbound $F/short-window.csv --from 2026-11-23 -o $T/short.csv 2>$T/short.err
ok "structural shortfall" grep -q "x/Moscow: 84 of 100 records cannot be worked by 2026-11-23T10:00 (its calling windows before the deadline are too short for 3 attempts even with unlimited agents)" $T/short.err
# Hourly intervals: every timestamp on the hour.
wfm outbound $F/campaigns.csv --from 2026-11-23 --rates $F/rates.csv --interval 60 -o $T/h.csv 2>/dev/null
is "hourly" "$(awk -F, 'NR > 1 && substr($1, 15, 2) != "00"' $T/h.csv | wc -l)" 0
# Usage errors exit 2.
wfm outbound $F/campaigns.csv 2>/dev/null; is "--from required" $? 2
wfm outbound $F/campaigns.csv --from 2026-11-23 --mode turbo 2>/dev/null; is "bad mode" $? 2
wfm outbound $F/campaigns.csv --from 2026-11-23 --agents 3 --capacity x.csv 2>/dev/null; is "exclusive" $? 2
ok "help" wfm outbound --help
finish
