#!/bin/bash
# t0671-roster-exact.sh - wfm roster --exact on small cuts of the bundled
# staff: the exact roster (--exact-roster) breaks no hard rule (rules.awk,
# the independent checker), keeps every plan row's count, fills the hours it
# reports (recounted by awk), is never worse than the heuristic's roster
# (recounted from -o), and its bound is at least what it fills; also across
# an ISO week boundary with --previous.  The brute-force comparison on tiny
# instances is tests/unit/test_rostermip.c.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC
cd "$T" || exit 1
RULES="-v rest=660 -v maxrun=6 -v maxdays=5 -v tol=4 -f $R/civil.awk -f $R/rules.awk"
# paid hours of a roster.csv (span less break, past midnight when end <= start)
PAID='function m(s, a) { split(s, a, ":"); return a[1] * 60 + a[2] }
	NR > 1 { s = m($4); e = m($5); if (e <= s) e += 1440; p = e - s; if ($6 != "") p -= m($7) - m($6); h += p }
	END { printf "%.1f\n", h / 60 }'
# rows over their plan row's count (date, times, break, shift name)
OVER='NR == FNR { if (FNR > 1) c[$1 FS $3 FS $4 FS $5 FS $6 FS $2] += $7; next }
	FNR > 1 { k = $1 FS $4 FS $5 FS $6 FS $7 FS $8; if (++u[k] > c[k]) n++ } END { print n + 0 }'
head -31 "$DATA/staff.csv" >st.csv
# The fixture week for the first 30 agents.
wfm roster $R/plan-week.csv st.csv --week 2026-11-23 --availability "$DATA/availability.csv" --exact \
	--exact-roster x.csv -o h.csv 2>rep
ok "exact report" grep -q "^exact assignment (.* agent classes, .* week patterns" rep
line=$(grep -E "filled paid hours: heuristic" rep)
heur=$(echo "$line" | sed -E 's/.*heuristic ([0-9.]+),.*/\1/')
best=$(echo "$line" | sed -E 's/.*(optimum|best found) ([0-9.]+).*/\2/')
bound=$(echo "$line" | sed -E 's/.*bound ([0-9.]+).*/\1/')
is "heuristic hours as in -o" "$(awk -F, "$PAID" h.csv)" "$heur"
is "exact hours as in --exact-roster" "$(awk -F, "$PAID" x.csv)" "$best"
ok "exact >= heuristic ($best >= $heur)" awk -v a="$best" -v b="$heur" 'BEGIN { exit !(a >= b) }'
ok "bound >= exact ($bound >= $best)" awk -v a="$bound" -v b="$best" 'BEGIN { exit !(a >= b) }'
ok "proven optimal on this cut" grep -q "optimum $best (bound $best)" rep
is "exact roster: hard rules" "$(awk -F, $RULES st.csv "$DATA/availability.csv" x.csv | tail -n 1)" "violations 0"
is "exact roster: plan counts" "$(awk -F, "$OVER" $R/plan-week.csv x.csv)" 0
ok "-o is the heuristic's roster" cmp h.csv <(wfm roster $R/plan-week.csv st.csv --week 2026-11-23 \
	--availability "$DATA/availability.csv" -q -o -)
wfm roster $R/plan-week.csv st.csv --week 2026-11-23 --availability "$DATA/availability.csv" --exact \
	--exact-roster x2.csv -q -o /dev/null
ok "exact roster: same bytes twice" cmp x.csv x2.csv

# Thursday to Wednesday (an ISO week boundary inside the window) after a
# previous roster: the history's days, hours, run and rest count.
awk -F, -v OFS=, 'NR == 1 { print; next } { r[++n] = $0 }
	END { for (w = 0; w < 2; w++) for (i = 1; i <= n; i++) { split(r[i], f, ",")
		d = substr(f[1], 9, 2) + 7 * w; m = 11; if (d > 30) { d -= 30; m = 12 }
		f[1] = sprintf("2026-%02d-%02d", m, d); print f[1], f[2], f[3], f[4], f[5], f[6], f[7] } }' \
	$R/plan-week.csv >plan2.csv
wfm roster plan2.csv st.csv --week 2026-11-23 -q -o prev.csv
wfm roster plan2.csv st.csv --from 2026-11-26 --to 2026-12-02 --previous prev.csv --exact \
	--exact-roster x.csv -o h.csv 2>rep
line=$(grep -E "filled paid hours: heuristic" rep)
heur=$(echo "$line" | sed -E 's/.*heuristic ([0-9.]+),.*/\1/')
best=$(echo "$line" | sed -E 's/.*(optimum|best found) ([0-9.]+).*/\2/')
is "previous: exact hours as in --exact-roster" "$(awk -F, "$PAID" x.csv)" "$best"
ok "previous: exact >= heuristic ($best >= $heur)" awk -v a="$best" -v b="$heur" 'BEGIN { exit !(a >= b) }'
{ awk -F, '$1 < "2026-11-26"' prev.csv; tail -n +2 x.csv; } >both.csv
is "previous: hard rules with the history" "$(awk -F, $RULES st.csv /dev/null both.csv | tail -n 1)" "violations 0"
is "previous: plan counts" "$(awk -F, "$OVER" plan2.csv x.csv)" 0

wfm roster $R/plan-week.csv st.csv --week 2026-11-23 --exact-roster x.csv -o /dev/null 2>/dev/null
is "--exact-roster without --exact: usage error" "$?" 2
finish
