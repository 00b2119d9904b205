#!/bin/bash
# t0500-shifts-week.sh - the demo invocation of wfm-shifts on the week
# fixture, checked independently: every plan row obeys data/rules.csv
# (lengths, start window and step, break length and 2-h margins), the
# coverage recomputed from plan.csv (cyclic week) equals coverage.csv, hard
# cover leaves nothing under, `required` is the sum of agents_gross over
# channels, and the paid hours in the report match the plan.
. "$(dirname "$0")/lib.sh"
REQ=$FIX/shifts/requirements.csv
export TZ=Europe/Moscow
wfm shifts "$REQ" --rules "$DATA/rules.csv" --week 2026-11-23 --coverage "$T/cov.csv" \
	--time-limit 20 -o "$T/plan.csv" 2>"$T/report.txt"
is "exit status" $? 0
is "plan header" "$(head -n 1 "$T/plan.csv")" "date,shift,start,end,break_start,break_end,count"
is "coverage header" "$(head -n 1 "$T/cov.csv")" "timestamp,required,scheduled,over,under"
is "coverage rows: 7 days x 48 half-hours" "$(($(wc -l <"$T/cov.csv") - 1))" 336

# Every plan row against the rules.
bad=$(awk -F, '
	function hm(s) { split(s, a, ":"); return a[1] * 60 + a[2] }
	FNR == NR { if (FNR > 1) { L[$1] = $2; E[$1] = hm($3); LA[$1] = hm($4); S[$1] = $5; BA[$1] = $6 * 60; BM[$1] = $7 } next }
	FNR == 1 { next }
	{
		s = hm($3); len = (hm($4) - s + 1440) % 1440; why = ""
		if (!($2 in L)) why = why " unknown shift"
		n = split(L[$2], ls, "|"); okl = 0
		for (k = 1; k <= n; k++) if (ls[k] * 60 == len) okl = 1
		if (!okl) why = why " length " len
		if (s < E[$2] || s > LA[$2] || (s - E[$2]) % S[$2]) why = why " start"
		if ($2 != "night" && substr($1, 1, 8) != "2026-11-") why = why " date"
		if (len >= BA[$2]) {
			if ($5 == "") why = why " no break"
			b = (hm($5) - s + 1440) % 1440; be = (hm($6) - s + 1440) % 1440
			if (be - b != BM[$2] || b < 120 || len - be < 120) why = why " break " $5 "-" $6
		} else if ($5 != "" || $6 != "") why = why " break in a short shift"
		if ($7 !~ /^[1-9][0-9]*$/) why = why " count"
		if (why != "") print FNR ":" why
	}' "$DATA/rules.csv" "$T/plan.csv" | head -n 3)
is "every plan row obeys the rules" "$bad" ""

# Coverage recomputed from the plan on the cyclic week.
awk -F, '
	function hm(s) { split(s, a, ":"); return a[1] * 60 + a[2] }
	FNR == NR {
		if (FNR == 1) next
		d = substr($1, 9, 2) - 23; s = hm($3); len = (hm($4) - s + 1440) % 1440
		b = ($5 == "") ? -1 : (hm($5) - s + 1440) % 1440; bl = ($5 == "") ? 0 : (hm($6) - hm($5) + 1440) % 1440
		for (m = 0; m < len; m += 30) if (b < 0 || m < b || m >= b + bl)
			cov[(d * 48 + (s + m) / 30) % 336] += $7
		paid += $7 * (len - bl) / 60
		next
	}
	FNR > 1 { i = FNR - 2; if (cov[i] + 0 != $3) { print "cell " $1 ": plan gives " cov[i] + 0 ", file " $3; bad++ }
		  if ($5 > 0) under++ }
	END { printf "%d %d %.2f\n", bad, under, paid }' "$T/plan.csv" "$T/cov.csv" > "$T/check.txt"
read -r mism under paid < <(tail -n 1 "$T/check.txt")
is "scheduled = coverage recomputed from plan.csv (wrap included)" "$mism" 0
is "hard cover: no interval under" "$under" 0
is "paid hours in the report = plan's" "$(grep -o 'paid hours *[0-9.]*' "$T/report.txt" | awk '{print $3}')" "$paid"

# required = sum of agents_gross over the 4 channels of the hour.
diff_req=$(awk -F, 'FNR == NR { if (FNR > 1) r[$1] += $6; next }
	FNR > 1 { h = substr($1, 1, 14) "00"; if (sprintf("%.3f", r[h]) != sprintf("%.3f", $2)) { print $1; exit } }' "$REQ" "$T/cov.csv")
is "required = sum of agents_gross, each half-hour takes its hour's" "$diff_req" ""

gap=$(grep -o 'gap [0-9.]*%' "$T/report.txt" | tr -dc '0-9.')
ok "gap within the default 1% ($gap%)" awk -v g="$gap" 'BEGIN { exit !(g <= 1.0) }'
ok "report names the lower bound and under-covered intervals" grep -q 'LP lower bound.*under-covered' <(tr '\n' ' ' <"$T/report.txt")
ok "Sunday night shift wraps onto Monday morning" grep -q '^2026-11-29,night,2[23]:00,0[67]:00' "$T/plan.csv"

# Same input, same output.
wfm shifts "$REQ" --rules "$DATA/rules.csv" --week 2026-11-23 --time-limit 20 -o "$T/plan2.csv" 2>/dev/null
ok "deterministic plan" cmp "$T/plan.csv" "$T/plan2.csv"

# One day: 48 cells, dates all that day.
wfm shifts "$REQ" --rules "$DATA/rules.csv" --date 2026-11-27 --coverage "$T/day.csv" -o "$T/dplan.csv" 2>/dev/null
is "--date: 48 coverage rows" "$(($(wc -l <"$T/day.csv") - 1))" 48
is "--date: every shift starts that day" "$(awk -F, 'NR > 1 && $1 != "2026-11-27"' "$T/dplan.csv" | wc -l)" 0
finish
