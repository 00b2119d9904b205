#!/bin/sh
# b0510-shifts-groups.sh - wfm shifts by skill groups on a generated
# 900-agent center (bench/gen-multiskill.sh): one week at 15-minute
# intervals, 5 channels (calls 24/7, chat closed 01:00-07:00, email,
# disputes, social by day), 6 skill groups, day / evening / night shifts
# with breaks every 30 min.  Goals: solve < 30 s on 2 cores, gap <= 1% to
# the LP bound.  Paid hours of the three variants (pooled groups,
# specialists only, single pool), and the independent max-flow check of
# the plan (tests/cli/skills-maxflow.awk).
set -eu
B=${BENCH_TMP:-/tmp}/groups
sh bench/gen-multiskill.sh "$B"
/usr/bin/time -f '%e %M %U' bin/wfm-shifts "$B/requirements.csv" --rules "$B/rules.csv" \
	--groups "$B/groups.csv" --break-step 30 --tz UTC --time-limit 30 --compare \
	--coverage "$B/coverage.csv" -o "$B/plan.csv" 2>"$B/report.txt" || { cat "$B/report.txt"; exit 1; }
last=$(tail -n 1 "$B/report.txt")
model=$(grep '  model' "$B/report.txt" | sed 's/ *model *//')
echo "shifts_groups_900_model: $model"
echo "shifts_groups_900_solve: $(grep '  solve' "$B/report.txt" | sed 's/ *solve *//')"
echo "shifts_groups_900_time: $(echo "$last" | cut -d' ' -f1) s wall for all three variants (pooled limit 30 s, the others 7.5 s each), $(echo "$last" | cut -d' ' -f3) s CPU, peak RSS $(echo "$last" | cut -d' ' -f2) KiB, load $(cut -d' ' -f1 /proc/loadavg)"
grep '  variant ' "$B/report.txt" | sed 's/^ *variant */shifts_groups_900_paid: /'
grep '^  group ' "$B/report.txt" | sed 's/^ *group */shifts_groups_900_group: /'
echo "shifts_groups_900_maxflow: $(awk -F, -v FIRST=2026-11-23 -v NDAYS=7 -v STEP=15 -v REQSTEP=15 \
	-f tests/fixtures/roster/civil.awk -f tests/cli/skills-maxflow.awk "$B/groups.csv" "$B/requirements.csv" "$B/plan.csv" | tail -n 1)"
