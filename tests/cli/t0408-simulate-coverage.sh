#!/bin/bash
# t0408-simulate-coverage.sh - wfm simulate --coverage / --group-plan: a
# shift plan's people as the staffing, with the forecast's uncertainty.
# A day whose true rate is Gamma (shape 25, the same all day) is sized by
# wfm staff --quantile 0.8, planned by wfm shifts, and simulated through
# the plan's coverage: the day's P(SL met) is q within its half-width, and
# matches an independent closed form, the gamma probability that the rate
# stays under the one at which the plan's agents just meet 80/20 (Erlang C
# worked in awk).
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/gamma-day.sh"
gamma_day $T
wfm staff $T/fc.csv --channels $T/ch.csv --tz UTC --quantile 0.8 -o $T/rq.csv
wfm shifts $T/rq.csv --rules $T/rules.csv --tz UTC --coverage $T/cov.csv -o $T/plan.csv 2>/dev/null
N=$(awk -F, 'NR == 2 { print $5 }' $T/rq.csv)
is "the plan covers the requirement exactly" \
	"$(awk -F, -v n=$N 'NR > 1 && $2 > 0 && ($2 != n || $3 != n) { bad++ } END { print bad + 0 }' $T/cov.csv)" 0
wfm simulate $T/rq.csv --channels $T/ch.csv --coverage $T/cov.csv --forecast $T/fc.csv --day-share 1 \
	--replications 200 --tz UTC -o $T/sim.csv 2>$T/err
is "one row per covered interval" "$(tail -n +2 $T/sim.csv | wc -l)" 8
# Closed form: lambda* with Erlang C SL(N agents) = 0.8; P = GammaCDF(lambda*; 25, mu/25)
awk -v n=$N 'function sl(a,   b, k, c) { b = 1; for (k = 1; k <= n; k++) b = a * b / (k + a * b)
		c = n * b / (n - a * (1 - b)); return 1 - c * exp(-(n - a) * 20 / 120) }
	function gcdf(x, k,   s, t, j, lf) { s = t = 1 / k; for (j = 1; j < 400; j++) { t *= x / (k + j); s += t }
		lf = 0; for (j = 2; j < k; j++) lf += log(j); return exp(k * log(x) - x - lf) * s }
	BEGIN { lo = 50; hi = n - 1e-9; for (i = 0; i < 100; i++) { m = (lo + hi) / 2; if (sl(m) >= 0.8) lo = m; else hi = m }
		printf "%.4f\n", gcdf(25 * lo / 100, 25) }' > $T/closed
P=$(awk '/P\(SL met\)/ { print $6 }' $T/err)
HW=$(awk '/P\(SL met\)/ { print $8 }' $T/err)
near "day P(SL met) of the plan = q (0.8) within its half-width" "$P" 0.8 "$HW"
near "day P(SL met) = the closed form $(cat $T/closed) within its half-width" "$P" "$(cat $T/closed)" "$HW"
# the same people given as requirements: the same simulation, number for number
wfm simulate $T/rq.csv --channels $T/ch.csv --replications 200 --forecast $T/fc.csv --day-share 1 \
	--tz UTC -o $T/simr.csv 2>/dev/null
is "coverage = requirements' agents: same simulated SL" "$(cut -d, -f6,7,14 $T/sim.csv | md5sum)" \
	"$(cut -d, -f6,7,14 $T/simr.csv | md5sum)"
# fractional agents (30% shrinkage on N + 0.5 people = a mixture): the
# simulated SL is the mean of the whole numbers' (linear interpolation)
sed 's/,0,0,1,0,0$/,0,0.30,1,0,0/' $T/ch.csv > $T/ch30.csv
awk -F, -v n=$N 'NR == 1 { print "timestamp,required,scheduled"; next }
	$2 > 0 { printf "%s,0,%.4f\n", $1, (n - 0.5) / 0.7 }' $T/cov.csv > $T/cov30.csv
wfm simulate $T/rq.csv --channels $T/ch30.csv --coverage $T/cov30.csv --replications 200 --tz UTC \
	-o $T/sim30.csv 2>/dev/null
is "net agents of 30% shrinkage" "$(awk -F, 'NR == 2 { print $4 }' $T/sim30.csv)" "$(awk -v n=$N 'BEGIN { printf "%.2f", n - 0.5 }')"
awk -v n=$N 'function sl(a, m,   b, k, c) { b = 1; for (k = 1; k <= m; k++) b = a * b / (k + a * b)
		c = m * b / (m - a * (1 - b)); return 1 - c * exp(-(m - a) * 20 / 120) }
	BEGIN { printf "%.6f\n", (sl(100, n - 1) + sl(100, n)) / 2 }' > $T/mix
ok "mixture: volume-weighted simulated SL within 3 half-widths of the interpolated closed form" \
	awk -F, -v f=$(cat $T/mix) 'NR > 1 { s += $6; h += $7 } END { s /= 8; h /= 8; d = s - f; if (d < 0) d = -d; exit !(d <= 3 * h / sqrt(8)) }' $T/sim30.csv
# by skill group: the same plan with a group column, simulated by lib/mssim.c
printf 'group,skills\ncalls,calls\n' > $T/groups.csv
sed '1s/$/,group/; 2,$s/$/,calls/' $T/plan.csv > $T/gplan.csv
wfm simulate $T/rq.csv --channels $T/ch.csv --groups $T/groups.csv --group-plan $T/gplan.csv \
	--forecast $T/fc.csv --day-share 1 --replications 200 --tz UTC -o $T/simg.csv 2>$T/errg
is "groups: p_met columns" "$(head -1 $T/simg.csv | cut -d, -f11-)" "p_met,p_met_hw"
PG=$(awk '/P\(SL met\)/ { print $6 }' $T/errg)
HG=$(awk '/P\(SL met\)/ { print $8 }' $T/errg)
near "groups: day P(SL met) = q within its half-width" "$PG" 0.8 "$HG"
near "groups: day P(SL met) = the closed form within its half-width" "$PG" "$(cat $T/closed)" "$HG"
sed '2s/,calls$/,chat/' $T/gplan.csv > $T/bad.csv
fails_cleanly "a plan's unknown group names its line" 'bad.csv:2: group: "chat" is not a group' \
	simulate $T/rq.csv --channels $T/ch.csv --groups $T/groups.csv --group-plan $T/bad.csv --tz UTC
fails_cleanly "a plan without groups" 'plan.csv:2: group: empty' \
	simulate $T/rq.csv --channels $T/ch.csv --groups $T/groups.csv --group-plan $T/plan.csv --tz UTC
printf 'timestamp,required,scheduled\n2026-12-01T09:00,1,1\n' > $T/far.csv
fails_cleanly "a coverage of other days" 'far.csv: timestamp: covers no interval' \
	simulate $T/rq.csv --channels $T/ch.csv --coverage $T/far.csv --tz UTC
wfm simulate - --channels $T/ch.csv --coverage $T/cov.csv < $T/rq.csv >/dev/null 2>&1
is "--coverage with stdin requirements is a usage error" $? 2
[ -n "${VERBOSE:-}" ] && echo "N=$N P=$P HW=$HW closed=$(cat $T/closed) groups=$PG +- $HG" >&2
finish
