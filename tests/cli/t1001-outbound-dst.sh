#!/bin/bash
# t1001-outbound-dst.sh - windows across a DST change in one zone and not
# the other.  Plan in Moscow time (UTC+3 all year); New York calls
# 09:00-21:00 local.  Spring 2026-03-08: EST (UTC-5) -> EDT (UTC-4), so the
# window in Moscow time moves from 17:00-05:00 to 16:00-04:00.  Autumn
# 2026-11-01: EDT -> EST, from 16:00-04:00 to 17:00-05:00.  New York has
# far more records than one agent can dial and priority 1, so it dials in
# every interval of its window and the edges show in the plan.
. "$(dirname "$0")/lib.sh"
F=$FIX/outbound
export TZ=Europe/Moscow
A=(--rates $F/flat-rates.csv --attempts 1 --talk 100 --wrap 20 --ring 30 --agents 1)
ny() { grep -c "^$1,delivery,NewYork," $T/plan.csv; }

wfm outbound $F/dst-spring.csv --from 2026-03-07 --days 3 "${A[@]}" -o $T/plan.csv 2>$T/err
is "spring exit" $? 0
is "Mar 7 17:00 MSK = 09:00 EST opens" "$(ny 2026-03-07T17:00)" 1
is "Mar 7 16:45 shut" "$(ny 2026-03-07T16:45)" 0
is "Mar 8 04:45 MSK = 20:45 EST open" "$(ny 2026-03-08T04:45)" 1
is "Mar 8 05:00 MSK = 21:00 EST shut" "$(ny 2026-03-08T05:00)" 0
is "Mar 8 15:45 MSK = 08:45 EDT shut" "$(ny 2026-03-08T15:45)" 0
is "Mar 8 16:00 MSK = 09:00 EDT opens" "$(ny 2026-03-08T16:00)" 1
is "Mar 9 03:45 MSK = 20:45 EDT open" "$(ny 2026-03-09T03:45)" 1
is "Mar 9 04:00 MSK = 21:00 EDT shut" "$(ny 2026-03-09T04:00)" 0
# Mar 6 16:00-21:00 EST (20) + Mar 7 (48) + Mar 8, 23 h long (48) + Mar 9 09:00-17:00 EDT (32).
is "New York intervals" "$(grep -c ',NewYork,' $T/plan.csv)" 148
# Moscow (no DST) dials 09:00-16:45 while New York is shut: 300 / 15 = 20 intervals from 09:00.
is "Moscow intervals" "$(grep -c ',Moscow,' $T/plan.csv)" 20
is "Moscow first" "$(grep ',Moscow,' $T/plan.csv | head -1 | cut -d, -f1)" 2026-03-07T09:00
is "Moscow last" "$(grep ',Moscow,' $T/plan.csv | tail -1 | cut -d, -f1)" 2026-03-07T13:45
ok "open records noted" grep -q "delivery/NewYork: .* still open at the end of the plan" $T/err

wfm outbound $F/dst-autumn.csv --from 2026-10-31 --days 3 "${A[@]}" -o $T/plan.csv 2>$T/err
is "autumn exit" $? 0
is "Oct 31 16:00 MSK = 09:00 EDT opens" "$(ny 2026-10-31T16:00)" 1
is "Nov 1 03:45 MSK = 20:45 EDT open" "$(ny 2026-11-01T03:45)" 1
is "Nov 1 04:00 MSK = 21:00 EDT shut" "$(ny 2026-11-01T04:00)" 0
is "Nov 1 16:45 MSK = 08:45 EST shut" "$(ny 2026-11-01T16:45)" 0
is "Nov 1 17:00 MSK = 09:00 EST opens" "$(ny 2026-11-01T17:00)" 1
is "Nov 2 04:45 MSK = 20:45 EST open" "$(ny 2026-11-02T04:45)" 1
is "Nov 2 05:00 MSK = 21:00 EST shut" "$(ny 2026-11-02T05:00)" 0
# Output in New York time: every row inside 09:00-20:45 local.
wfm outbound $F/dst-autumn.csv --from 2026-10-31 --days 3 "${A[@]}" --tz America/New_York -o $T/ny.csv 2>/dev/null
is "rows outside 09-21 in local time" "$(awk -F, 'NR > 1 { h = substr($1, 12, 2) + 0; if (h < 9 || h >= 21) n++ } END { print n + 0 }' $T/ny.csv)" 0
is "12 hours a local day" "$(grep -c '^2026-11-01T' $T/ny.csv)" 48
finish
