#!/bin/sh
# b0600-roster.sh - wfm-roster on a month for 1,000 agents (the bundled 120
# agents copied 8.33x with new ids; the fixture week plan scaled by 1000/120
# and repeated for 30 days, ~20,000 shifts), then wfm-functions for one day of
# that roster at 15-minute intervals (hourly fixture requirements x 1000/120,
# each hour split into four 15-min rows).  Figures: best of 3 wall times.
set -eu
B=${BENCH_TMP:-/tmp}
F=tests/fixtures
export TZ=Europe/Moscow
awk -F, 'NR == 1 { print; next } { rows[++n] = $0 }
	END { for (i = 0; i < 1000; i++) { split(rows[i % n + 1], f, ","); f[1] = sprintf("B%04d", i + 1)
		line = f[1]; for (k = 2; k <= 9; k++) line = line "," f[k]; print line } }' data/staff.csv > $B/staff1000.csv
awk -F, -v OFS=, 'NR == 1 { print; next } { r[++n] = $0 }
	END { for (w = 0; w < 5; w++) for (i = 1; i <= n; i++) { split(r[i], f, ",")
		split(f[1], d, "-"); day = d[3] + 7 * w; mon = 11; if (day > 30) { day -= 30; mon = 12 }
		if (mon == 12 && day > 22) continue
		f[1] = sprintf("2026-%02d-%02d", mon, day); f[7] = int(f[7] * 1000 / 120 + 0.5)
		print f[1], f[2], f[3], f[4], f[5], f[6], f[7] } }' $F/roster/plan-week.csv > $B/plan1000.csv
awk -F, -v OFS=, 'NR == 1 { print; next } $1 ~ /^2026-11-27/ { for (q = 0; q < 4; q++) {
		t = substr($1, 1, 14) sprintf("%02d", 15 * q); $5 = int($5 * 1000 / 120 + 0.5); print t, $2, $3, $4, $5, $6, $7, $8, $9 } }' \
	$F/functions/requirements-week.csv > $B/req1000.csv
shifts=$(awk -F, 'NR > 1 && $1 <= "2026-12-22" { s += $7 } END { print s }' $B/plan1000.csv)
t() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -n 1; }
best=999
for i in 1 2 3; do
	r=$(t bin/wfm-roster $B/plan1000.csv $B/staff1000.csv --from 2026-11-23 --to 2026-12-22 -o $B/roster1000.csv); s=${r% *}
	best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
done
bin/wfm-roster $B/plan1000.csv $B/staff1000.csv --from 2026-11-23 --to 2026-12-22 -o $B/roster1000.csv 2>$B/rep.txt
filled=$(awk '/^total/ { print $3 " of " $2 " filled, bound " $5 }' $B/rep.txt)
echo "roster_month_1000_agents: $best s for 30 days, $shifts shifts ($filled)"
echo "roster_month_peak_rss: ${r#* } KiB"
best=999
for i in 1 2 3; do
	r=$(t bin/wfm-functions $B/roster1000.csv $B/req1000.csv $B/staff1000.csv --date 2026-11-27 --step 15 -o $B/f.csv); s=${r% *}
	best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
done
echo "functions_day_1000_agents_15min: $best s for $(awk -F, 'NR > 1 { a[$2] = 1 } END { print length(a) }' $B/f.csv) agents on shift, $(($(wc -l < $B/f.csv) - 1)) rows"
echo "functions_peak_rss: ${r#* } KiB"
# Re-roster after sick calls: the first week of the 1,000-agent month
# published, 10 agents sick on its Wednesday, re-rostered from Wednesday
# with the published week pinned (wfm roster --published --from).
bin/wfm-roster $B/plan1000.csv $B/staff1000.csv --week 2026-11-23 -q -o $B/pub1000.csv
{ echo agent_id,date,status; awk -F, '$1 == "2026-11-25" && ++n % 50 == 1 && k++ < 10 { print $2 ",2026-11-25,sick" }' $B/pub1000.csv; } >$B/sick1000.csv
best=999
for i in 1 2 3; do
	r=$(t bin/wfm-roster $B/plan1000.csv $B/staff1000.csv --published $B/pub1000.csv --from 2026-11-25 \
		--availability $B/sick1000.csv -o $B/re1000.csv); s=${r% *}
	best=$(awk -v a="$best" -v b="$s" 'BEGIN { print (b < a) ? b : a }')
done
bin/wfm-roster $B/plan1000.csv $B/staff1000.csv --published $B/pub1000.csv --from 2026-11-25 \
	--availability $B/sick1000.csv -o $B/re1000.csv 2>$B/rep.txt
echo "reroster_1000_agents_10_sick: $best s (goal < 2 s), $(awk '/^changed/ { print $2 " of " $4 " rows changed" }' $B/rep.txt)"
