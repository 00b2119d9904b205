#!/bin/bash
# t0402-simulate.sh - wfm-simulate on fixture requirements: formula columns
# match wfm-staff, simulation agrees within its bounds, seeded output.
. "$(dirname "$0")/lib.sh"
F=$FIX/staff
# one flat hour repeated 8 times: 200 calls/h, 180 s, 14 agents (SL 0.8884)
{ echo "timestamp,channel,volume,aht_s,agents"
  for h in 08 09 10 11 12 13 14 15; do echo "2026-11-23T$h:00,calls,200,180,14"; done; } > $T/req.csv
wfm simulate $T/req.csv --channels $F/channels.csv --channel calls --seed 3 --replications 300 \
	--tz UTC -o $T/sim.csv 2>$T/err
is "header" "$(head -1 $T/sim.csv)" \
	"timestamp,channel,volume,agents,sl_formula,sl_sim,sl_hw,asa_formula,asa_sim,asa_hw,abandon_formula,abandon_sim,abandon_hw"
is "formula SL as in wfm-staff" "$(sed -n 5p $T/sim.csv | cut -d, -f5)" "0.8884"
# after the first hour (which starts empty), every hour's simulated SL lies
# within 2 x its 95% half-width (~4 standard errors; hourly SL per run is skewed) of Erlang C's 0.8884
ok "simulated SL near Erlang C" awk -F, 'NR>2{d=$6-$5; if(d<0)d=-d; if(d>2*$7) exit 1}' $T/sim.csv
ok "half-widths are real" awk -F, 'NR>1{if(!($7>0.005 && $7<0.1)) exit 1}' $T/sim.csv
wfm simulate $T/req.csv --channels $F/channels.csv --channel calls --seed 3 --replications 300 \
	--tz UTC -o $T/sim2.csv 2>/dev/null
ok "same seed, same output" cmp $T/sim.csv $T/sim2.csv
wfm simulate $T/req.csv --channels $F/channels.csv --channel calls --seed 4 --replications 60 \
	--tz UTC -o $T/sim3.csv 2>/dev/null
ok "other seed, other output" sh -c "! cmp -s $T/sim.csv $T/sim3.csv"
# with patience 60 s abandonment appears and the formula is Erlang A
wfm simulate $T/req.csv --channels $F/channels.csv --channel calls --patience 60 \
	--replications 40 --tz UTC -o $T/sim4.csv 2>/dev/null
ok "abandonment with patience" awk -F, 'NR>2{if(!($11>0 && $12>0)) exit 1}' $T/sim4.csv
wfm simulate $T/req.csv --channels $F/channels.csv --channel calls --service lognormal --cv 1.5 \
	--replications 20 --tz UTC -o $T/sim5.csv 2>/dev/null
is "lognormal runs" "$(($(wc -l < $T/sim5.csv) - 1))" 8
fails_cleanly "backlog channel refused" "letters is a backlog channel" simulate $T/req.csv \
	--channels $F/channels.csv --channel letters
# without --channel: every queue channel of the requirements (not backlog)
wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC -o $T/req-all.csv
wfm simulate $T/req-all.csv --channels $F/channels.csv --replications 10 --tz UTC -o $T/sim6.csv 2>/dev/null
is "all queue channels" "$(cut -d, -f2 $T/sim6.csv | sed 1d | sort -u | paste -sd' ')" "calls chat"
finish
