#!/bin/bash
# t1236-roster-dst-coverage.sh - issue 22.13, roster side: over the week of
# the New York fall-back (2026-10-26 .. 2026-11-01, clocks go from 02:00
# EDT back to 01:00 EST on Sunday: 7 * 24 + 1 = 169 hours),
# `wfm roster --coverage --requirements` writes one row per hour that
# happened, both 01:00 hours (with their offsets), and `wfm staff
# --evaluate` then evaluates all 169 without naming any missing interval.
# Was: 168 rows, the second 01:00 lost, and the evaluation said so.
# Checked independently (awk): the row count from `date`, required from
# the requirements file row by row, scheduled from roster.csv (agents whose
# wall-clock shift, less its break, overlaps the row's wall-clock hour).
. "$(dirname "$0")/lib.sh"
export TZ=America/New_York
hours=$(( ($(date -d 2026-11-02T00:00 +%s) - $(date -d 2026-10-26T00:00 +%s)) / 3600 ))
is "hours in the week (date)" "$hours" 169
# A forecast for every hour that happened (naive times, 01:00 twice).
t0=$(date -d 2026-10-26T00:00 +%s)
{ echo "timestamp,channel,volume,aht_s,volume_lo,volume_hi"
  seq 0 168 | awk -v t0=$t0 '{ print "@" t0 + 3600 * $1 }' | date -f - +%Y-%m-%dT%H:%M |
	awk '{ h = substr($0, 12, 2) + 0; v = h >= 8 && h < 20 ? 120 : 15
	       print $0 ",calls," v ",300," v - 5 "," v + 5 }'; } >$T/f.csv
printf 'channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,concurrency,patience_s,deadline_h\ncalls,erlang_c,300,0.80,20,0.88,0.30,1,0,0\n' >$T/ch.csv
wfm staff $T/f.csv --channels $T/ch.csv -o $T/req.csv 2>/dev/null
is "requirements: 169 rows" "$(($(wc -l <$T/req.csv) - 1))" 169
# A plan of three 8-h shifts a day, written by hand (not under test here).
{ echo "date,shift,start,end,break_start,break_end,count"
  for k in 0 1 2 3 4 5 6; do
	D=$(date -d "2026-10-26 +$k days" +%Y-%m-%d)
	echo "$D,day,06:00,14:00,10:00,10:30,6"
	echo "$D,late,14:00,22:00,18:00,18:30,6"
	echo "$D,night,22:00,06:00,,,2"
  done; } >$T/plan.csv
wfm roster $T/plan.csv $DATA/staff.csv --week 2026-10-26 --requirements $T/req.csv \
	--coverage $T/cov.csv -o $T/roster.csv 2>/dev/null
is "roster exit" $? 0
is "coverage: one row per hour that happened" "$(($(wc -l <$T/cov.csv) - 1))" 169
is "both 01:00 hours, by offset" "$(grep -o '^2026-11-01T01:00[^,]*' $T/cov.csv | tr '\n' ' ')" \
	"2026-11-01T01:00-04:00 2026-11-01T01:00-05:00 "
is "timestamps distinct" "$(cut -d, -f1 $T/cov.csv | sort | uniq -d | wc -l)" 0
# required, row by row: the requirements' agents_gross (same 169 instants in order)
is "required = agents_gross, row by row" \
	"$(paste -d, <(tail -n +2 $T/req.csv | cut -d, -f6) <(tail -n +2 $T/cov.csv | cut -d, -f2) |
	   awk -F, '$1 != $2 { n++ } END { print n + 0 }')" 0
# scheduled: agent-minutes on shift in the row's wall-clock hour / 60, from
# roster.csv (hourly rows: a half-hour break counts half)
bad=$(awk -F, '
	function mins(s) { return substr(s, 1, 2) * 60 + substr(s, 4, 2) }
	function day(s,   y, m, d) {   # days since 1970-01-01 (civil calendar)
		y = substr(s, 1, 4) + 0; m = substr(s, 6, 2) + 0; d = substr(s, 9, 2) + 0
		if (m <= 2) { y--; m += 12 }
		return 365 * y + int(y / 4) - int(y / 100) + int(y / 400) + int((153 * (m - 3) + 2) / 5) + d - 719469 }
	function ov(a, b, c, d) { a = a > c ? a : c; b = b < d ? b : d; return b > a ? b - a : 0 }
	FNR == 1 { next }
	FILENAME ~ /roster/ {
		d = day($1); a = d * 1440 + mins($4); b = d * 1440 + mins($5); if (b <= a) b += 1440
		n++; A[n] = a; B[n] = b; BA[n] = BB[n] = 0
		if ($6 != "") { BA[n] = d * 1440 + mins($6); BB[n] = d * 1440 + mins($7)
			if (BA[n] < a) { BA[n] += 1440; BB[n] += 1440 } }
		next }
	{ t = day($1) * 1440 + mins(substr($1, 12, 5)); c = 0
	  for (i = 1; i <= n; i++) c += ov(A[i], B[i], t, t + 60) - ov(BA[i], BB[i], t, t + 60)
	  c /= 60
	  if (sprintf("%.2f", c) != sprintf("%.2f", $3)) { bad++; if (bad < 4) print $1 ": " $3 " written, " c " on shift" > "/dev/stderr" } }
	END { print bad + 0 }' $T/roster.csv $T/cov.csv)
is "scheduled = agents on shift (independent count)" "$bad" 0
ok "somebody works the second 01:00" awk -F, '$1 == "2026-11-01T01:00-05:00" && $3 > 0 { f = 1 } END { exit !f }' $T/cov.csv
# the evaluation: every forecast hour, none named as missing
wfm staff $T/f.csv --channels $T/ch.csv --evaluate $T/cov.csv -o $T/ev.csv 2>$T/err
is "evaluate exit" $? 0
is "evaluated hours" "$(($(wc -l <$T/ev.csv) - 1))" 169
ok "no interval named missing" bash -c "! grep -q 'no row for' $T/err"
is "both 01:00 evaluated" "$(grep -c '^2026-11-01T01:00-0[45]:00,' $T/ev.csv)" 2
finish
