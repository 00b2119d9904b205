#!/bin/bash
# t0685-roster-spread-bound.sh - the per-day bounds of wfm roster's report:
# "best" is the exact day-local maximum (a maximum weight matching, not each
# agent on its longest fitting shift), "target" lowers it where the weekly
# limits bind (worked by hand below); on a 900-agent week (the bundled staff
# x 7.5, the fixture week's plan x 7.5) every day is within 3 points of its
# target or marked with the reason, the fill column recounted by awk from
# roster.csv and the plan.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC
# Two agents, one day: one 8 h shift and two 4 h shifts (16 h planned).  Each
# agent's longest fitting shift is 8 h (2 x 8 = 16 h: 100 %), but only one 8 h
# shift exists: the most any roster fills is 8 + 4 = 12 h = 75 %.
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nA1,Ann,calls,40,4,9,00:00,24:00,\nB1,Bob,calls,40,4,9,00:00,24:00,\n' >$T/s2.csv
printf 'date,shift,start,end,break_start,break_end,count\n2026-11-23,long,09:00,17:00,,,1\n2026-11-23,short,09:00,13:00,,,2\n' >$T/p2.csv
wfm roster $T/p2.csv $T/s2.csv --date 2026-11-23 -o $T/r2.csv 2>$T/rep
ok "exact best: 12 of 16 h = 75 %" grep -Eq "^2026-11-23  Mon .* 75%   75%     75%$" $T/rep
is "exact best: 8 + 4 h filled" "$(tail -n +2 $T/r2.csv | cut -d, -f8 | sort | tr '\n' ' ')" "long short "

# a roster span past the plan: days with nothing planned show no share
# (not 100%) and the report says so (QA finding)
wfm roster $T/p2.csv $T/s2.csv --from 2026-11-23 --to 2026-11-24 -o $T/r2b.csv 2>$T/rep2
is "nothing planned: shares shown as -" "$(awk '/^2026-11-24  / && !n++ { print $9, $10, $11 }' $T/rep2)" "- - -"
ok "nothing planned: the report says so" grep -q "^1 day with nothing planned" $T/rep2
# 900 agents, one week; the plan scaled x 10 so the staff is short (a
# 1,200-agent plan).
awk -F, 'NR == 1 { print; next } { rows[++n] = $0 }
	END { for (i = 0; i < 900; i++) { split(rows[i % n + 1], f, ","); f[1] = sprintf("B%04d", i + 1)
		line = f[1]; for (k = 2; k <= 9; k++) line = line "," f[k]; print line } }' $DATA/staff.csv >$T/s900.csv
awk -F, -v OFS=, 'NR == 1 { print; next } { $7 = $7 * 10; print }' $R/plan-week.csv >$T/p900.csv
wfm roster $T/p900.csv $T/s900.csv --week 2026-11-23 --availability $DATA/availability.csv \
	-o $T/r900.csv 2>$T/rep
is "900 agents: exit 0" "$?" 0
# fill recounted: paid hours per day in roster.csv / planned paid hours
fills=$(awk -F, 'function m(s, t) { split(s, t, ":"); return t[1] * 60 + t[2] }
	function paid(st, en, bs, be,   s, e, b) { s = m(st); e = m(en); if (e <= s) e += 1440; b = 0
		if (bs != "") { b = m(be) - m(bs); if (b < 0) b += 1440 } return e - s - b }
	FNR == 1 { f++; next }
	f == 1 { P[$1] += $7 * paid($3, $4, $5, $6); next }
	{ F[$1] += paid($4, $5, $6, $7) }
	END { for (d in P) printf "%s %.0f\n", d, 100 * F[d] / P[d] }' $T/p900.csv $T/r900.csv |
	sort | awk '{ print $2 }' | tr '\n' ' ')
is "900 agents: fill column = recount" "$(awk '/^2026-11-2[3-9]  .*%/ && n++ < 7 { sub("%", "", $9); print $9 }' $T/rep | tr '\n' ' ')" "$fills"
ok "900 agents: short staffed" [ "$(grep -c '^2026-11-2.*  [0-9][0-9]%  ' $T/rep)" -gt 0 ]
# each day within 3 points of its target, or marked and the week explained
bad=$(awk '/^2026-11-2[3-9]  .*%/ && n++ < 7 { f = $9; b = $10; t = $11; sub("%", "", f); sub("%", "", b); sub("%", "", t)
	if (t + 0 > b + 0) print "target over best " $1
	if (f + 3 < t + 0 && $12 != "*") print "unmarked " $1 }' $T/rep | wc -l)
is "900 agents: within 3 points or marked" "$bad" 0
if grep -Eq '^2026-11-2[3-9]  .* \*$' $T/rep; then
	ok "900 agents: the reason given" grep -q "below the target (\*): the heuristic, with $(($(wc -l <$T/r900.csv) - 1)) of [0-9]* agent-days" $T/rep
fi
finish
