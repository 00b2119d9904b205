#!/bin/bash
# t0530-shifts-risk.sh - wfm shifts --risk r: cover each interval's
# (1 - r)-quantile requirement.  On a flat day whose rate is Gamma (shape
# 25, common to the day) and one 8-hour shift type, the plan is N_q shifts
# of 8 h, N_q the agents of wfm staff --quantile 1-r, so the extra paid
# hours are 8 (N_q - N_point); simulated through its coverage, the day
# meets 80/20 in 1 - r of the futures (within the half-width).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/gamma-day.sh"
gamma_day $T
wfm staff $T/fc.csv --channels $T/ch.csv --tz UTC -o $T/rq.csv
wfm staff $T/fc.csv --channels $T/ch.csv --tz UTC --quantile 0.9 -o $T/rq90.csv
NP=$(awk -F, 'NR == 2 { print $6 }' $T/rq.csv)
NQ=$(awk -F, 'NR == 2 { print $6 }' $T/rq90.csv)
wfm shifts $T/rq.csv --rules $T/rules.csv --tz UTC --risk 0.1 --forecast $T/fc.csv --channels $T/ch.csv \
	--coverage $T/cov.csv -o $T/plan.csv 2>$T/err
is "the plan: N_q 8-hour shifts" "$(awk -F, 'NR > 1 { n += $7 } END { print n }' $T/plan.csv)" "$NQ"
wfm shifts $T/rq90.csv --rules $T/rules.csv --tz UTC -o $T/plan90.csv 2>/dev/null
ok "the same plan as on wfm staff --quantile 0.9's requirements" cmp $T/plan.csv $T/plan90.csv
is "extra paid hours reported: 8 (N_q - N_point)" \
	"$(sed -n 's/^  risk *0.1: paid hours \([0-9.]*\) against \([0-9.]*\) .*(+\([0-9.]*\) h.*/\1 \2 \3/p' $T/err)" \
	"$(awk -v q=$NQ -v p=$NP 'BEGIN { printf "%.2f %.2f %.2f", 8 * q, 8 * p, 8 * (q - p) }')"
ok "no warning: the requirements are the forecast's" sh -c "! grep -q differ $T/err"
# a risk above 0.5 plans under the point cover: the difference printed
# with one sign (was "+-")
wfm shifts $T/rq.csv --rules $T/rules.csv --tz UTC --risk 0.6 --forecast $T/fc.csv --channels $T/ch.csv \
	-o $T/plan6.csv 2>$T/err6
is "--risk 0.6: fewer hours, printed once negative" \
	"$(sed -n 's/^  risk *0.6: paid hours \([0-9.]*\) against \([0-9.]*\) .*(\([-+0-9.]*\) h.*/\1 \2 \3/p' $T/err6)" \
	"$(awk -F, -v p=$NP 'NR > 1 { q += $7 } END { printf "%.2f %.2f %+.2f", 8 * q, 8 * p, 8 * (q - p) }' $T/plan6.csv)"
ok "--risk 0.6 plans fewer hours than the point" grep -q "(-[0-9.]* h, -" $T/err6
wfm simulate $T/rq90.csv --channels $T/ch.csv --coverage $T/cov.csv --forecast $T/fc.csv --day-share 1 \
	--replications 200 --tz UTC -o $T/sim.csv 2>$T/serr
near "simulated P(SL met) of the --risk 0.1 plan = 0.9 within its half-width" \
	"$(awk '/P\(SL met\)/ { print $6 }' $T/serr)" 0.9 "$(awk '/P\(SL met\)/ { print $8 }' $T/serr)"
# requirements from another forecast: a warning, the plan still made
sed '2s/,calls,3000,/,calls,2000,/' $T/fc.csv > $T/fc2.csv
wfm shifts $T/rq.csv --rules $T/rules.csv --tz UTC --risk 0.1 --forecast $T/fc2.csv --channels $T/ch.csv \
	-o $T/plan2.csv 2>$T/err2
ok "requirements of another forecast: warned" grep -q "1 cells differ" $T/err2
wfm shifts $T/rq.csv --rules $T/rules.csv --tz UTC --risk 0.1 -o $T/x.csv 2>/dev/null
is "--risk without --forecast and --channels is a usage error" $? 2
cut -d, -f1-4 $T/fc.csv > $T/noband.csv
fails_cleanly "a forecast without a band" 'volume_lo' \
	shifts $T/rq.csv --rules $T/rules.csv --tz UTC --risk 0.1 --forecast $T/noband.csv --channels $T/ch.csv
[ -n "${VERBOSE:-}" ] && echo "NP=$NP NQ=$NQ $(grep "P(SL met)" $T/serr) $(cat $T/err2 | grep differ)" >&2
finish
