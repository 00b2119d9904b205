#!/bin/bash
# t1003-outbound-inbound.sh - outbound fills the troughs of inbound:
# --inbound requirements.csv --pool N takes as capacity N minus the
# inbound agents_gross of each interval (calls + chat summed), so the
# blended plan never under-covers inbound; --capacity with hourly rows
# holds each row for its hour.
. "$(dirname "$0")/lib.sh"
F=$FIX/outbound
export TZ=Europe/Moscow
wfm outbound $F/campaigns.csv --from 2026-11-23 --days 1 --rates $F/rates.csv \
	--inbound $F/inbound-requirements.csv --pool 10 -o $T/plan.csv 2>$T/err
is "exit" $? 0
# Inbound per interval from the fixture, outbound per interval from the plan.
awk -F, 'NR > 1 { in_[$1] += $6 } END { for (t in in_) print t, in_[t] }' $F/inbound-requirements.csv | sort > $T/in
awk -F, 'NR > 1 { s[$1] += $6 } END { for (t in s) print t, s[t] }' $T/plan.csv | sort > $T/out
is "inbound covered every interval" "$(join -a 2 -e 0 -o 0,1.2,2.2 $T/in $T/out | awk '$2 + $3 > 10.02' | wc -l)" 0
# 10:00-12:45 inbound needs 8 + 1 = 9 of 10: at most 1 agent outbound there.
is "peak inbound leaves 1" "$(awk -F, 'NR > 1 && $1 >= "2026-11-23T10:00" && $1 < "2026-11-23T13:00" { s[$1] += $6 } END { for (t in s) if (s[t] > 1.01) k++; print k + 0 }' $T/plan.csv)" 0
ok "outbound works in the night trough" grep -q "^2026-11-23T0[0-7]:" $T/plan.csv
# Hourly capacity rows: 2 agents 09:00-09:45, 1 agent 10:00-10:45, none after.
wfm outbound $F/campaigns.csv --from 2026-11-23 --days 1 --capacity $F/hourly-capacity.csv -o $T/cap.csv 2>/dev/null
is "dials only 09:00-10:45" "$(awk -F, 'NR > 1 && ($1 < "2026-11-23T09:00" || $1 >= "2026-11-23T11:00")' $T/cap.csv | wc -l)" 0
near "09:45 uses 2 agents" "$(awk -F, '$1 == "2026-11-23T09:45" { s += $6 } END { print s }' $T/cap.csv)" 2 0.02
near "10:45 uses 1 agent" "$(awk -F, '$1 == "2026-11-23T10:45" { s += $6 } END { print s }' $T/cap.csv)" 1 0.02
finish
