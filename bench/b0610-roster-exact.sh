#!/bin/sh
# b0610-roster-exact.sh - wfm roster --exact on the demo week (the plan of
# `make demo`, rebuilt here with its commands; data/staff.csv, 120 agents,
# data/availability.csv) and on the cut to its first 40 agents: the
# heuristic's filled paid hours, the exact model's best (proven optimum when
# it meets the bound), the bound, the heuristic's gap, wall and CPU time,
# and the model's size.  Both rosters are checked with the independent
# tests/fixtures/roster/rules.awk.  Per day: filled hours of each roster.
set -eu
B=${BENCH_TMP:-/tmp}
export TZ=Europe/Moscow
W=bin/wfm
RULES="-v rest=660 -v maxrun=6 -v maxdays=5 -v tol=4 -f tests/fixtures/roster/civil.awk -f tests/fixtures/roster/rules.awk"
$W forecast data/history.csv --horizon 14d --model auto --events data/events.csv --backtest 8w \
	-o $B/forecast.csv 2>/dev/null
$W staff $B/forecast.csv --channels data/channels.csv -o $B/requirements.csv
$W shifts $B/requirements.csv --rules data/rules.csv --week 2026-11-23 --time-limit 20 -o $B/plan.csv 2>/dev/null
head -41 data/staff.csv >$B/staff40.csv
run() {   # name staff.csv
	/usr/bin/time -f '%e %U' -o $B/time.txt $W roster $B/plan.csv "$2" --week 2026-11-23 \
		--availability data/availability.csv --exact --time-limit 600 --exact-roster $B/exact.csv \
		-o $B/heur.csv 2>$B/rep.txt
	sed -n '/^exact assignment/,$p' $B/rep.txt | sed "s/^/$1: /"
	echo "$1_wall_cpu: $(cut -d' ' -f1 $B/time.txt) s wall, $(cut -d' ' -f2 $B/time.txt) s CPU (2 shared cores)"
	echo "$1_rules: heuristic $(awk -F, $RULES "$2" data/availability.csv $B/heur.csv | tail -n 1)," \
		"exact $(awk -F, $RULES "$2" data/availability.csv $B/exact.csv | tail -n 1)"
	for f in heur exact; do
		awk -F, -v f=$f 'function m(s, a) { split(s, a, ":"); return a[1] * 60 + a[2] }
			NR > 1 { s = m($4); e = m($5); if (e <= s) e += 1440; p = e - s
				if ($6 != "") p -= m($7) - m($6); if (!($1 in h)) o[++c] = $1
				h[$1] += p; n[$1]++; t += p; k++ }
			END { printf "%s_%s_by_day:", name, f   # roster.csv is sorted by date
				for (i = 1; i <= c; i++) printf " %s %.1f h/%d", substr(o[i], 6), h[o[i]] / 60, n[o[i]]
				printf " | week %.1f h, %d shifts\n", t / 60, k }' name="$1" $B/$f.csv
		awk -F, -v f=$f -v name="$1" 'function m(s, a) { split(s, a, ":"); return a[1] * 60 + a[2] }
			NR == FNR { if (FNR > 1) con[$1] = $4; next }
			FNR > 1 { s = m($4); e = m($5); if (e <= s) e += 1440; p = e - s; if ($6 != "") p -= m($7) - m($6)
				h[$2] += p / 60; we[$2] += ($1 == "2026-11-28" || $1 == "2026-11-29") }
			END { for (a in con) { u += h[a] < con[a] - 4; n++; w += we[a]; if (we[a] > x) x = we[a] }
				printf "%s_%s_soft: %d of %d agents under contract - 4 h, weekend days mean %.2f max %d\n",
					name, f, u, n, w / n, x }' "$2" $B/$f.csv
	done
}
run demo_120 data/staff.csv
run cut_40 $B/staff40.csv
