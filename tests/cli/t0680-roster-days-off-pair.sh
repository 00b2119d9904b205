#!/bin/bash
# t0680-roster-days-off-pair.sh - two consecutive days off per ISO week is
# steered (the days-on pattern keeps a pair off, the cost charges
# --days-off-pair W for taking the last pair) and reported ("N of K weeks
# that could have them"), both recounted from roster.csv by an independent
# awk checker (tests/fixtures/roster/offpair.awk); no hard rule broken
# (rules.awk) and no coverage lost on the fixture week.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC
for w in 0 4; do
	wfm roster $R/plan-week.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv \
		--days-off-pair $w -o $T/r$w.csv 2>$T/rep$w
	is "weight $w: exit 0" "$?" 0
	read -r _ weeks _ consec _ could < <(awk -F, -v monday=2026-11-23 -f $R/civil.awk -f $R/offpair.awk \
		$DATA/staff.csv $DATA/availability.csv $T/r$w.csv)
	eval "consec$w=$consec could$w=$could"
	is "weight $w: report = recount" "$(grep -o 'two consecutive days off *[0-9]* of [0-9]*' $T/rep$w | awk '{ print $5, $7 }')" \
		"$consec $could"
	is "weight $w: hard rules" "$(awk -F, -v rest=660 -v maxrun=6 -v maxdays=5 -v tol=4 -f $R/civil.awk -f $R/rules.awk \
		$DATA/staff.csv $DATA/availability.csv $T/r$w.csv | tail -n 1)" "violations 0"
	eval "filled$w=$(awk -F, 'NR > 1 { n++ } END { print n }' $T/r$w.csv)"
done
# without steering 78 of 112 agent-weeks that could have a pair do; steered
# all 112 of 112; the same 541 shifts filled
ok "steered: more weeks with two consecutive days off ($consec0 -> $consec4)" [ "$consec4" -gt "$consec0" ]
ok "steered: at least 95% of the weeks that could ($consec4 of $could4)" [ $((100 * consec4)) -ge $((95 * could4)) ]
ok "steered: no shift lost ($filled0 -> $filled4)" [ "$filled4" -ge "$filled0" ]
finish
