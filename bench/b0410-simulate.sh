#!/bin/sh
# b0410-simulate.sh - the simulations of wfm staff --groups / --quantile and
# wfm simulate --forecast / --coverage / --groups / --group-plan on one week of the bundled center's
# forecast (hourly, 4 channels: calls, chat, and letters and declarations
# staffed as erlang_c queues here so that all 4 are simulated), 100
# replications each.  CPU seconds (user + sys; the machine is shared).
set -eu
B=${BENCH_TMP:-/tmp}
export TZ=Europe/Moscow
bin/wfm forecast data/history.csv --horizon 7d --model auto --events data/events.csv -o $B/fc7.csv 2>/dev/null
sed 's/^letters,backlog,420,0,0,0,0.30,1,0,24$/letters,erlang_c,420,0.80,3600,0,0.30,1,0,0/;
     s/^declarations,backlog,720,0,0,0,0.30,1,0,48$/declarations,erlang_c,720,0.80,3600,0,0.30,1,0,0/' \
	data/channels.csv > $B/ch4.csv
t() { /usr/bin/time -f '%U %S %e' "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.2f", $1+$2}'; }
bin/wfm staff $B/fc7.csv --channels $B/ch4.csv --quantile 0.8 -o $B/req7q.csv
echo "simulate_forecast_uncertainty_1w_4ch_100reps: $(t bin/wfm simulate $B/req7q.csv --channels $B/ch4.csv \
	--forecast $B/fc7.csv --replications 100 -o $B/sim7.csv) s CPU (goal < 5)"
# the same through a shift plan's people (wfm shifts --coverage on the
# quantile requirements, then wfm simulate --coverage)
bin/wfm shifts $B/req7q.csv --rules data/rules.csv --week 2026-11-23 --time-limit 10 \
	--coverage $B/cov7q.csv -o $B/plan7q.csv 2>/dev/null
echo "simulate_coverage_forecast_uncertainty_1w_4ch_100reps: $(t bin/wfm simulate $B/req7q.csv \
	--channels $B/ch4.csv --coverage $B/cov7q.csv --forecast $B/fc7.csv --replications 100 \
	-o $B/simc7.csv) s CPU (goal < 5)"
echo "staff_groups_1w_4ch_fluid_plus_10_rounds_x50reps: $(t bin/wfm staff $B/fc7.csv --channels data/channels.csv \
	-o $B/req7.csv --groups data/staff.csv --group-output $B/greq7.csv) s CPU"
bin/wfm staff $B/fc7.csv --channels data/channels.csv -o $B/req7.csv --groups data/staff.csv \
	--group-output $B/greq7.csv 2>$B/greq7.txt
sed -n 's/^wfm-staff: 14 skill groups[^:]*: //p' $B/greq7.txt
echo "simulate_groups_1w_4ch_100reps: $(t bin/wfm simulate $B/req7.csv --channels data/channels.csv \
	--groups data/staff.csv --group-staffing $B/greq7.csv --replications 100 -o $B/simg7.csv) s CPU"
# a plan by skill groups, simulated group by group with forecast uncertainty
bin/wfm shifts $B/req7q.csv --rules data/rules.csv --week 2026-11-23 --staff data/staff.csv \
	--gap 0.02 --time-limit 10 -o $B/gplan7q.csv 2>/dev/null
echo "simulate_group_plan_forecast_uncertainty_1w_4ch_100reps: $(t bin/wfm simulate $B/req7q.csv \
	--channels $B/ch4.csv --groups data/staff.csv --group-plan $B/gplan7q.csv --forecast $B/fc7.csv \
	--replications 100 -o $B/simgp7.csv) s CPU (goal < 5)"
