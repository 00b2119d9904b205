#!/bin/bash
# t1010-shifts-blend.sh - wfm shifts --outbound: flexible outbound work
# fills the troughs of the inbound requirement.  Hand-checked case:
# inbound 10 agents 08:00-20:00 (hourly rows, 0 otherwise), 8-h shifts with
# no break starting 06:00-12:00 on the hour, no wrap.
#  Inbound only: 08:00 needs 10 starting at 06-08, 19:00 needs 10 starting
#  at 12:00 -> 20 people, 160 paid hours; 12:00-16:00 then has 20 working
#  for 10 required: 40 agent-hours of slack.
#  20 agent-hours of outbound allowed 12:00-16:00 fit in the slack:
#  blended 160 h.  Outbound only: one person gives at most 4 h inside
#  12-16 (start 08-12) -> 5 people, 40 h; separate 200 h, saving 40 h.
#  50 agent-hours: 10 more than the slack; each extra person adds at most
#  4 h inside the window -> 3 more, 184 h (LP bound 180 = 160 + 2.5 * 8);
#  outbound only ceil(50 / 4) = 13 people, 104 h; separate 264 h.
. "$(dirname "$0")/lib.sh"
F=$FIX/blend
export TZ=Europe/Moscow
A=(--rules $F/rules8.csv --no-wrap --time-limit 5)

wfm shifts $F/flat-req.csv "${A[@]}" --outbound $F/work20.csv --coverage $T/cov20.csv -o $T/plan20.csv 2>$T/err20
is "exit 20" $? 0
is "blended 160 h" "$(grep -c 'paid hours blended 160.00; inbound only 160.00 + outbound only 40.00 = 200.00 separately; saving 40.00 h' $T/err20)" 1
is "people 20" "$(awk -F, 'NR > 1 { s += $7 } END { print s }' $T/plan20.csv)" 20
is "coverage header" "$(head -1 $T/cov20.csv)" "timestamp,required,scheduled,over,under,outbound"
is "outbound agent-hours 20" "$(awk -F, 'NR > 1 { s += $6 } END { print s }' $T/cov20.csv)" 20
is "outbound only 12:00-15:00" "$(awk -F, 'NR > 1 && $6 > 0 && ($1 < "2026-11-23T12:00" || $1 >= "2026-11-23T16:00")' $T/cov20.csv | wc -l)" 0
is "inbound never under-covered" "$(awk -F, 'NR > 1 && ($3 < $2 || $5 > 0)' $T/cov20.csv | wc -l)" 0

wfm shifts $F/flat-req.csv "${A[@]}" --outbound $F/work50.csv --coverage $T/cov50.csv -o $T/plan50.csv 2>$T/err50
is "exit 50" $? 0
is "blended 184 h" "$(grep -c 'paid hours blended 184.00; inbound only 160.00 + outbound only 104.00 = 264.00 separately' $T/err50)" 1
is "LP bound 180" "$(grep -c 'LP lower bound 180.00' $T/err50)" 1
is "people 23" "$(awk -F, 'NR > 1 { s += $7 } END { print s }' $T/plan50.csv)" 23
is "outbound agent-hours 50" "$(awk -F, 'NR > 1 { s += $6 } END { print s }' $T/cov50.csv)" 50
is "inbound never under-covered (50)" "$(awk -F, 'NR > 1 && ($3 < $2 || $5 > 0)' $T/cov50.csv | wc -l)" 0
# Working people = inbound scheduled + outbound = the people of the plan on shift.
is "12:00 working 23" "$(awk -F, '$1 == "2026-11-23T12:00" { print $3 + $6 }' $T/cov50.csv)" 23

# max_agents 3 per hour over 4 hours = 12 agent-hours < 20: no plan.
awk -F, 'NR == 1 { print $0 ",max_agents"; next } { print $0 ",3" }' $F/work20.csv > $T/cap.csv
wfm shifts $F/flat-req.csv "${A[@]}" --outbound $T/cap.csv -o $T/none.csv 2>$T/errcap
is "too little room exit" $? 1
ok "too little room message" grep -q 'job "survey": 20 agent-hours do not fit.*(12 agent-hours at most)' $T/errcap
ok "no plan written" test ! -e $T/none.csv
finish
