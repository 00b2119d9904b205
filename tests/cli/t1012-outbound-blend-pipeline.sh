#!/bin/bash
# t1012-outbound-blend-pipeline.sh - wfm outbound --format work feeds
# wfm shifts --outbound: eleven regions' outbound work (one day) blended
# with the inbound fixture.  Checked row by row: outbound agents only in
# intervals the work file allows for that job (calling window open, ending
# by the deadline), every job's agent-hours met, inbound covered in every
# interval, and the blended LP bound no larger than the two separate ones
# summed (the union of the separate plans is a blended plan).
. "$(dirname "$0")/lib.sh"
F=$FIX/outbound
export TZ=Europe/Moscow
wfm outbound $F/campaigns.csv --from 2026-11-23 --days 1 --rates $F/rates.csv --format work -o $T/work.csv 2>/dev/null
is "work exit" $? 0
is "work header" "$(head -1 $T/work.csv)" "job,timestamp,agent_hours,max_agents"
# complaints/Moscow: window 09:00-21:00 Moscow, deadline 20:00 -> 09:00-19:45, 44 intervals.
is "complaints/Moscow slots" "$(grep -c '^complaints/Moscow,' $T/work.csv)" 44
is "complaints/Moscow last" "$(grep '^complaints/Moscow,' $T/work.csv | tail -1 | cut -d, -f2)" 2026-11-23T19:45
# New York 09:00-21:00 EST = 17:00-05:00 Moscow: 00:00-04:45 (Nov 22 in
# New York) and 17:00-23:45: 20 + 28 intervals.
is "delivery/NewYork slots" "$(grep -c '^delivery/NewYork,' $T/work.csv)" 48
is "delivery/NewYork shut 05:00-16:45" "$(grep '^delivery/NewYork,' $T/work.csv | awk -F, '$2 >= "2026-11-23T05:00" && $2 < "2026-11-23T17:00"' | wc -l)" 0

wfm shifts $F/inbound-requirements.csv --rules $ROOT/data/rules.csv --outbound $T/work.csv \
	--outbound-plan $T/ob.csv --coverage $T/cov.csv --time-limit 8 -o $T/plan.csv 2>$T/err
is "shifts exit" $? 0
is "outbound plan header" "$(head -1 $T/ob.csv)" "timestamp,job,agents"
is "rows outside the allowed slots" "$(awk -F, 'NR == FNR { ok[$1 "," $2] = 1; next } FNR > 1 && !(($2 "," $1) in ok)' $T/work.csv $T/ob.csv | wc -l)" 0
is "jobs short" "$(awk -F, 'NR == FNR { if (FNR > 1) need[$1] = $3; next } FNR > 1 { got[$2] += $3 / 4 } END { for (j in need) if (got[j] < need[j] - 0.01) n++; print n + 0 }' $T/work.csv $T/ob.csv)" 0
is "inbound under-covered" "$(awk -F, 'NR > 1 && ($3 < $2 - 1e-6 || $5 > 0)' $T/cov.csv | wc -l)" 0
is "coverage outbound = outbound plan" "$(awk -F, 'NR > 1 { s += $6 } END { printf "%.2f", s }' $T/cov.csv)" \
	"$(awk -F, 'NR > 1 { s += $3 } END { printf "%.2f", s }' $T/ob.csv)"
lp=$(sed -n 's/.*LP lower bounds: blended \([0-9.]*\);.* = \([0-9.]*\);.*/\1 \2/p' $T/err)
ok "blended LP bound <= separate" awk -v a="${lp% *}" -v b="${lp#* }" 'BEGIN { exit !(a != "" && a <= b + 1e-6) }'
finish
