#!/bin/bash
# t0405-simulate-uncertainty.sh - wfm simulate --forecast: volumes drawn
# from the forecast's uncertainty; P(SL met) of a staffing sized by wfm
# staff --quantile q is q where the true distribution is known.
. "$(dirname "$0")/lib.sh"
printf 'channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,concurrency,patience_s,deadline_h\ncalls,erlang_c,120,0.80,20,0,0.30,1,0,0\n' > $T/ch.csv
# 8 half-hours of 1,500 calls (100 Erlangs) whose rate is Gamma with shape
# 25 (sd 20%), the same all day: the 80% band of the count is
# mu -+ z sqrt(mu + mu^2 / 25), z the normal 0.9-quantile
awk 'BEGIN { z = 1.2815515655446004; mu = 1500; sd = sqrt(mu + mu * mu / 25)
	print "timestamp,channel,volume,aht_s,volume_lo,volume_hi"
	for (i = 0; i < 8; i++) printf "2026-11-23T%02d:%02d,calls,%d,120,%.6f,%.6f\n",
		9 + int(i / 2), (i % 2) * 30, mu, mu - z * sd, mu + z * sd }' > $T/fc.csv
wfm staff $T/fc.csv --channels $T/ch.csv --tz UTC --quantile 0.8 -o $T/rq.csv
wfm simulate $T/rq.csv --channels $T/ch.csv --forecast $T/fc.csv --day-share 1 --replications 200 \
	--tz UTC -o $T/sim.csv 2>$T/err
is "columns added" "$(head -1 $T/sim.csv | cut -d, -f14-)" "p_met,p_met_hw"
# the day meets 80/20 exactly when its rate is under the sizing quantile:
# P(met) = 0.8 within its half-width (integer agents add a little slack)
ok "day P(SL met) = q within its half-width" \
	awk '/P\(SL met\)/ { p = $6; hw = $8; d = p - 0.8; if (d < 0) d = -d; exit !(d <= hw) }' $T/err
ok "every interval's P(met) within 2 half-widths of q" \
	awk -F, 'NR > 1 { d = $14 - 0.8; if (d < 0) d = -d; if (d > 2 * $15) exit 1 }' $T/sim.csv
# the point staffing meets the target far less often
wfm staff $T/fc.csv --channels $T/ch.csv --tz UTC -o $T/rp.csv
wfm simulate $T/rp.csv --channels $T/ch.csv --forecast $T/fc.csv --day-share 1 --replications 100 \
	--tz UTC -o $T/simp.csv 2>$T/errp
ok "point staffing: P(met) well under q" awk '/P\(SL met\)/ { exit !($6 < 0.65) }' $T/errp
wfm simulate $T/rq.csv --channels $T/ch.csv --forecast $T/fc.csv --replications 100 --tz UTC -o $T/s1.csv 2>/dev/null
wfm simulate $T/rq.csv --channels $T/ch.csv --forecast $T/fc.csv --replications 100 --tz UTC -o $T/s2.csv 2>/dev/null
ok "seeded" cmp $T/s1.csv $T/s2.csv
wfm simulate $T/rq.csv --channels $T/ch.csv --coverage x --groups x --group-staffing y >/dev/null 2>&1
is "--coverage with --groups is a usage error" $? 2
finish
