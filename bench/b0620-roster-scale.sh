#!/bin/sh
# b0620-roster-scale.sh - wfm-roster on a month (30 days from 2026-11-23) of
# 5,000 and 20,000 agents (bench/gen-roster.sh, seed 1: the bundled staff
# copied, the fixture week's plan scaled to the staff, 2% of agent-days
# sick).  Goal (issue 21): 5,000 in < 2 s, 20,000 in < 10 s.  Figures: CPU
# (user + sys) and wall of one run each, filled of planned shifts.
set -eu
B=${BENCH_TMP:-/tmp}
export TZ=Europe/Moscow
for n in 5000 20000; do
	sh bench/gen-roster.sh $n 30 "$B"
	r=$(/usr/bin/time -f '%U %S %e %M' sh -c "bin/wfm-roster $B/plan$n.csv $B/staff$n.csv \
		--from 2026-11-23 --to 2026-12-22 --availability $B/avail$n.csv -o $B/roster$n.csv 2>$B/rep$n.txt" 2>&1 | tail -n 1)
	echo "$r" | awk -v n=$n -v f="$(awk '/^total/ { print $3 " of " $2 " shifts filled" }' "$B/rep$n.txt")" \
		'{ printf "roster_month_%d_agents: %.2f s CPU, %.2f s wall, %d MB peak (%s)\n", n, $1 + $2, $3, $4 / 1024, f }'
done
