#!/bin/bash
# t0650-roster-daily-loop.sh - the README's daily cron loop over 4 weeks:
# roster the coming week once on Thursday evening, then every evening
# re-roster from tomorrow with the published roster pinned and what is known
# of availability that evening (sick calls arrive the evening before, several
# vacations are known from the start), and publish tomorrow's rows.  The 28
# published days put together must break no hard rule (rules.awk, an
# independent checker), and each day's filled share of the planned hours must
# be within 5 points of a weekly roster made knowing every absence upfront.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC
cd "$T" || exit 1
S=$DATA/staff.csv
RULES="-v rest=660 -v maxrun=6 -v maxdays=5 -v tol=4 -f $R/civil.awk -f $R/rules.awk"
# The fixture week plan repeated for 4 weeks (2026-11-23 .. 2026-12-20).
awk -F, -v OFS=, 'NR == 1 { print; next } { r[++n] = $0 }
	END { for (w = 0; w < 4; w++) for (i = 1; i <= n; i++) { split(r[i], f, ",")
		d = substr(f[1], 9, 2) + 7 * w; m = 11; if (d > 30) { d -= 30; m = 12 }
		f[1] = sprintf("2026-%02d-%02d", m, d); print f[1], f[2], f[3], f[4], f[5], f[6], f[7] } }' \
	$R/plan-week.csv >plan.csv
# Day numbers <-> dates in awk (civil from days, Howard Hinnant).
CAL='function ymd(z,   era, doe, yoe, y, doy, mp, d, m) { z += 719468; era = int(z / 146097)
	doe = z - era * 146097; yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
	y = yoe + era * 400; doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100)); mp = int((5 * doy + 2) / 153)
	d = doy - int((153 * mp + 2) / 5) + 1; m = mp < 10 ? mp + 3 : mp - 9
	return sprintf("%04d-%02d-%02d", y + (m <= 2), m, d) }'
D0=20780   # 2026-11-23, a Monday (days since 1970-01-01)
# days.txt: tomorrow, this evening, 1 when this evening is a Thursday
awk "$CAL"' BEGIN { for (i = 0; i < 28; i++) print ymd('$D0' + i), ymd('$D0' + i - 1), (i % 7 == 4) }' >days.txt
# Absences (ev.csv: known,agent_id,date,status): the bundled availability.csv
# known from the start; three week-long vacations (weeks 2, 3, 4) known from
# the start; every day two sick calls (agents by a fixed formula) announced
# the evening before.
awk -F, "$CAL"' NR > 1 { print "2026-11-19," $0; next }
	END { for (i = 0; i < 28; i++) { for (k = 1; k <= 2; k++)
			printf "%s,A%03d,%s,sick\n", ymd('$D0' + i - 1), (i * 37 + k * 53) % 120 + 1, ymd('$D0' + i)
		if (i % 7 == 0 && i) for (j = 0; j < 7; j++) for (k = 0; k < 3; k++)
			printf "2026-11-19,A%03d,%s,vacation\n", 11 + 41 * k + i / 7, ymd('$D0' + i + j) } }' \
	$DATA/availability.csv | sort -u >ev.csv
known() {   # availability known on the evening of $1
	{ echo agent_id,date,status; awk -F, -v e="$1" -v OFS=, '$1 <= e { print $2, $3, $4 }' ev.csv | sort -u -t, -k1,2; }
}
known 9999-12-31 | awk -F, '!seen[$1 "," $2]++' >avail-all.csv

# The loop, as in README "Daily roster from cron".
known 2026-11-19 | awk -F, '!seen[$1 "," $2]++' >av.csv
wfm roster plan.csv $S --week 2026-11-23 --availability av.csv -q -o published.csv
head -1 published.csv >final.csv
fail=0
while read -r t e thu; do
	known "$e" | awk -F, '!seen[$1 "," $2]++' >av.csv
	wfm roster plan.csv $S --published published.csv --from "$t" --availability av.csv -q \
		-o published.csv || fail=$((fail + 1))
	if [ "$thu" = 1 ] && [ "$e" \< 2026-12-14 ]; then   # Thursday evening: next week
		mon=$(awk -v t="$t" '$1 == t { f = 1 } f && ++n == 4 { print $1 }' days.txt)
		wfm roster plan.csv $S --week "$mon" --previous published.csv --availability av.csv -q \
			-o week.csv || fail=$((fail + 1))
		tail -n +2 week.csv >>published.csv
	fi
	awk -F, -v t="$t" '$1 == t' published.csv >>final.csv
done <days.txt
is "every run exits 0" "$fail" 0
is "28 days published" "$(tail -n +2 final.csv | cut -d, -f1 | sort -u | wc -l)" 28
v=$(awk -F, $RULES $S avail-all.csv final.csv)
is "4 weeks of the loop: no hard rule broken" "$(echo "$v" | tail -1)" "violations 0"
[ "$(echo "$v" | tail -1)" = "violations 0" ] || echo "$v" | head -5 >&2

# The checker can fail: the old recipe (each day rostered on its own) breaks
# rules within the first week.
head -1 final.csv >naive.csv
for t in $(cut -d' ' -f1 days.txt | head -7); do
	wfm roster plan.csv $S --date "$t" --availability avail-all.csv -q -o day.csv
	tail -n +2 day.csv >>naive.csv
done
ok "checker finds the one-day-at-a-time recipe's violations" \
	test "$(awk -F, $RULES $S avail-all.csv naive.csv | tail -1 | cut -d' ' -f2)" -gt 0

# Weekly rosters knowing every absence upfront, chained with --previous.
head -1 final.csv >weekly.csv
for mon in 2026-11-23 2026-11-30 2026-12-07 2026-12-14; do
	prev=""; [ "$mon" = 2026-11-23 ] || prev="--previous weekly.csv"
	wfm roster plan.csv $S --week $mon $prev --availability avail-all.csv -q -o week.csv
	tail -n +2 week.csv >>weekly.csv
done
# share DAY FILE: filled paid minutes / planned paid minutes, in percent
shares() {
	awk -F, 'function m(s, t) { split(s, t, ":"); return t[1] * 60 + t[2] }
	function paid(c,   s, e, b) { s = m($c); e = m($(c + 1)); if (e <= s) e += 1440; b = 0
		if ($(c + 2) != "") { b = m($(c + 3)) - m($(c + 2)); if (b < 0) b += 1440 } return e - s - b }
	FNR == 1 { f++; next } f == 1 { p[$1] += $7 * paid(3) } f == 2 { q[$1] += paid(4) }
	END { for (d in p) printf "%s %.2f\n", d, 100 * q[d] / p[d] }' plan.csv "$1" | sort
}
worst=$(join <(shares final.csv) <(shares weekly.csv) | awk '{ d = $2 - $3; if (d < 0) d = -d; if (d > w) w = d } END { printf "%.2f", w }')
ok "filled share per day within 5 points of the weekly roster's (worst $worst)" \
	awk -v w="$worst" 'BEGIN { exit !(w <= 5) }'
finish
