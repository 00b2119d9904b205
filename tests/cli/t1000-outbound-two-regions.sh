#!/bin/bash
# t1000-outbound-two-regions.sh - the hand-checkable campaign of
# tests/fixtures/outbound/two-regions.csv: Moscow (UTC+3) and Kamchatka
# (UTC+12), 9 h apart, both 09:00-21:00 local, so in Moscow time the
# windows are 09:00-21:00 and 00:00-12:00 and overlap 3 hours.  Flat
# rates 0.25, talk 100 + wrap 20 + ring 30 s: 60 agent-seconds a dial,
# 15 dials per agent per 15 minutes.  Deadlines 12:00 Moscow time.
. "$(dirname "$0")/lib.sh"
F=$FIX/outbound
export TZ=Europe/Moscow
A=(--from 2026-11-23 --rates $F/flat-rates.csv --attempts 1 --talk 100 --wrap 20 --ring 30)

# One agent: Kamchatka done 00:00-03:15, Moscow 12 intervals x 15 = 180 of 200.
wfm outbound $F/two-regions.csv "${A[@]}" --agents 1 -o $T/plan.csv 2>$T/err
is "exit 0 with a shortfall" $? 0
ok "shortfall stated exactly" grep -q "shortfall: nps/Moscow: 20 of 200 records cannot be worked by 2026-11-23T12:00; 0.33 more agent-hours" $T/err
ok "Kamchatka not short" sh -c "! grep -q 'nps/Kamchatka' $T/err"
is "header" "$(head -1 $T/plan.csv)" "timestamp,campaign,region,dials,connects,agents"
is "Moscow rows" "$(grep -c ',Moscow,' $T/plan.csv)" 12
is "Kamchatka rows" "$(grep -c ',Kamchatka,' $T/plan.csv)" 14
is "Kamchatka last" "$(grep ',Kamchatka,' $T/plan.csv | tail -1)" "2026-11-23T03:15,nps,Kamchatka,5,1.2,0.33"
is "Moscow first" "$(grep ',Moscow,' $T/plan.csv | head -1)" "2026-11-23T09:00,nps,Moscow,15,3.8,1.00"
# No dial outside a window: Moscow rows 09:00-20:45, Kamchatka 00:00-11:45 (Moscow time).
is "outside windows" "$(awk -F, 'NR > 1 { h = substr($1, 12, 2) + 0
	if ($3 == "Moscow" && (h < 9 || h >= 21)) n++
	if ($3 == "Kamchatka" && h >= 12) n++ } END { print n + 0 }' $T/plan.csv)" 0

# No limit: fewest agents 200 dials / 12 intervals * 60 s / 900 s = 1.11.
wfm outbound $F/two-regions.csv "${A[@]}" -o $T/plan2.csv 2>$T/err2
ok "agents needed" grep -q "agents needed: 1.11 " $T/err2
ok "deadlines met" grep -q "every deadline met" $T/err2
near "total dials 400 (rows rounded to 0.1)" "$(awk -F, 'NR > 1 { s += $4 } END { print s }' $T/plan2.csv)" 400 1.5

# Priority: Kamchatka 700 records (priority 1) takes 540 + 160; Moscow 20, short 180.
wfm outbound $F/two-regions-700.csv "${A[@]}" --agents 1 -o $T/plan3.csv 2>$T/err3
ok "priority shortfall" grep -q "nps/Moscow: 180 of 200 records" $T/err3
ok "total" grep -q "shortfall total: 180 records in 1 region(s); 3.00 more agent-hours" $T/err3

# Requirements format: one channel, 96 intervals, volume = connects = 100.
wfm outbound $F/two-regions.csv "${A[@]}" --format requirements -o $T/req.csv 2>/dev/null
is "req header" "$(head -1 $T/req.csv)" "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy"
is "req rows" "$(($(wc -l < $T/req.csv) - 1))" 96
is "req channel" "$(sed -n 2p $T/req.csv | cut -d, -f2)" "outbound:nps"
near "req volume" "$(awk -F, 'NR > 1 { s += $3 } END { print s }' $T/req.csv)" 100 0.1
# Deterministic: same input, same bytes.
wfm outbound $F/two-regions.csv "${A[@]}" --agents 1 -o $T/again.csv 2>/dev/null
ok "deterministic" cmp $T/plan.csv $T/again.csv
finish
