#!/bin/bash
# t1300-capacity.sh - wfm capacity on a small case checked independently:
# required FTE against Erlang C computed here in awk (flat profile, so
# interval-level and average-load sizing agree), the headcount week by week
# re-simulated in awk from the plan's hires (attrition by tenure band,
# training, ramp-up), classes only at allowed starts and sizes, and no week
# after the lead time below required when the plan says it is met.
. "$(dirname "$0")/lib.sh"
F=$FIX/capacity
export TZ=UTC
run() { wfm capacity "$@" --channels $F/channels.csv --headcount $F/headcount.csv \
	--params $F/params.csv --profile $F/profile.csv; }

run $F/volumes.csv --scenario high=2 -o $T/plan.csv 2>$T/report.txt
ok "runs" test -s $T/plan.csv
is "rows: 14 weeks x 2 scenarios" "$(awk 'END{print NR-1}' $T/plan.csv)" 28

# Erlang C (aht 180 s, 80% in 20 s): N(a) for a = volume x 180 / 3600 / 168
# Erlangs in every hour; FTE = 168 N / 40 / (1 - 0.3).
bad=$(awk -F, 'function agents(a,   n, b, c, sl) {
		for (n = 1; ; n++) {
			b = 1; for (k = 1; k <= n; k++) b = a * b / (k + a * b)
			if (n <= a) continue
			c = n * b / (n - a * (1 - b)); sl = 1 - c * exp(-(n - a) * 20 / 180)
			if (sl >= 0.8) return n
		} }
	FNR == 1 { next }
	NR == FNR { vol[$1] = $3; next }
	{ f = $2 == "high" ? 2 : 1; a = f * vol[$1] * 180 / 3600 / 168
	  want = 168 * agents(a) / 40 / 0.7
	  if (($9 - want)^2 > 1e-4 || ($10 - want)^2 > 1e-4) print $1, $2, $9, $10, want; n++ }
	END { print "rows", n }' $F/volumes.csv $T/plan.csv)
is "required FTE = Erlang C on every interval" "$bad" "rows 28"

# Re-simulate the headcount from the hires column.  q(t) = 1 - (1 - m)^(12/52),
# m 6% below 3 months of tenure, 1% after; training 2 weeks, ramp 50%, 100%.
sim() { awk -F, -v S="$1" 'function q(tw,  m) { m = tw * 12 / 52 < 3 ? 0.06 : 0.01
		return 1 - (1 - m)^(12 / 52) }
	NR == 1 || $2 != S { next }
	{ if ($5 > 0) { ns++; sz[ns] = $5; st[ns] = w }
	  hc = 46 + 8; e = 46 + 8 * 20 / 40; lv = 0
	  f = 1; for (u = 0; u < w; u++) f *= 1 - q(104 + u)
	  hc *= f; e *= f; lv = 54 * f * q(104 + w)
	  for (k = 1; k <= ns; k++) { t = w - st[k]; n = sz[k]
		for (u = 0; u < t; u++) n *= 1 - q(u)
		p = t < 2 ? 0 : t == 2 ? 0.5 : 1
		hc += n; e += n * p; lv += n * q(t) }
	  if ((hc - $3)^2 > 1e-4 || (e - $8)^2 > 1e-4 || (lv - $4)^2 > 1e-4) print $1, hc, $3, e, $8, lv, $4
	  w++ } END { print "weeks", w }' $T/plan.csv; }
is "base: headcount, leavers, effective re-simulated" "$(sim base)" "weeks 14"
is "high: headcount, leavers, effective re-simulated" "$(sim high)" "weeks 14"

# Classes start in weeks 2, 4, 6, ... (recruiting 2, cadence 2) with 3..30 hires.
is "classes at allowed weeks and sizes" "$(awk -F, 'NR > 1 && $5 > 0 {
	d = $1; gsub(/-/, " ", d); w = (mktime(d " 12 00 00") - mktime("2027 01 04 12 00 00")) / 604800
	if (w < 2 || w % 2 || $5 < 3 || $5 > 30) print $1, $2, $5 }' $T/plan.csv)" ""

# The base plan says every week from the lead time (4) on is met: check it.
is "report: no short week after the lead (base)" \
	"$(awk '/weeks short after lead/ { print $5 }' $T/report.txt)" 0
is "base: effective >= required from week 4" "$(awk -F, '$2 == "base" { w++ }
	$2 == "base" && w > 4 && ($8 < $9 - 0.005 || $13 != "yes") { print $1 }' $T/plan.csv)" ""
is "high: met agrees with effective vs required" "$(awk -F, 'NR > 1 && (($13 == "yes") != ($8 + $11 >= $9 - 0.005)) { print $1, $2 }' $T/plan.csv)" ""
ok "high: class_max binds, short weeks reported" grep -Eq 'weeks short after lead +0 +[1-9]' $T/report.txt
# Least cost, locally: one hire fewer in any base class (the whole class
# when it is at class_min 3) leaves some week from the lead time on short.
is "base: no class is oversized" "$(awk -F, 'function q(tw) { return 1 - (1 - (tw * 12 / 52 < 3 ? 0.06 : 0.01))^(12 / 52) }
	NR == 1 || $2 != "base" { next }
	{ eff[w] = $8; req[w] = $9; if ($5 > 0) { ns++; sz[ns] = $5; st[ns] = w } w++ }
	END { for (k = 1; k <= ns; k++) { drop = sz[k] > 3 ? 1 : sz[k]; short = 0
		for (v = 4; v < w; v++) { t = v - st[k]; if (t < 2) continue
			n = drop; for (u = 0; u < t; u++) n *= 1 - q(u)
			if (eff[v] - n * (t == 2 ? 0.5 : 1) < req[v] - 1e-6) short = 1 }
		if (!short) print "class of week", st[k], "could lose", drop }
	  print ns, "classes" }' $T/plan.csv)" "4 classes"

# With overtime 5%, effective x 1.05 covers required in every met week.
sed 's/^class_cadence_weeks.*/&\novertime,,0.05/' $F/params.csv > $T/params-ot.csv
wfm capacity $F/volumes.csv --channels $F/channels.csv --headcount $F/headcount.csv \
	--params $T/params-ot.csv --profile $F/profile.csv -q -o $T/plan-ot.csv
is "overtime: met weeks covered within 5%" "$(awk -F, 'NR > 1 && $13 == "yes" && $8 * 1.05 < $9 - 0.005 { print $1 }' $T/plan-ot.csv)" ""
is "overtime: at most 5% of effective" "$(awk -F, 'NR > 1 && $11 > 0.05 * $8 + 0.005 { print $1 }' $T/plan-ot.csv)" ""

# Monthly volumes (2400 calls a day in Jan-Mar 2027) spread by days give
# the weekly plan's 16,800 calls a week: the same required FTE, 48.
wfm capacity $F/monthly.csv --channels $F/channels.csv --headcount $F/headcount.csv \
	--params $F/params.csv --profile $F/profile.csv -q -o $T/plan-m.csv
is "monthly: whole weeks from the first Monday" "$(awk -F, 'NR == 2 { f = $1 } END { print f, NR - 1 }' $T/plan-m.csv)" "2027-01-04 12"
is "monthly: required 48 FTE every week" "$(awk -F, 'NR > 1 && ($9 - 48)^2 > 1e-4' $T/plan-m.csv)" ""

# A partial first and last month (as wfm forecast --aggregate month writes a
# horizon from 2027-01-18 to 2027-03-14: 14 + 28 + 14 days of 2400 calls):
# --from/--to spread them over those days only, 8 whole weeks of 48 FTE.
wfm capacity $F/monthly-partial.csv --from 2027-01-18 --to 2027-03-14 --channels $F/channels.csv \
	--headcount $F/headcount.csv --params $F/params.csv --profile $F/profile.csv -q -o $T/plan-p.csv
is "partial months: weeks" "$(awk -F, 'NR == 2 { f = $1 } END { print f, NR - 1 }' $T/plan-p.csv)" "2027-01-18 8"
is "partial months: required 48 FTE every week" "$(awk -F, 'NR > 1 && ($9 - 48)^2 > 1e-4' $T/plan-p.csv)" ""
wfm capacity $F/monthly-partial.csv --channels $F/channels.csv --headcount $F/headcount.csv \
	--params $F/params.csv --profile $F/profile.csv -o /dev/null 2>$T/err
ok "partial month without --from: warned" grep -q "warning: .*the first month has 45% of the next month's volume a day" $T/err
wfm capacity $F/monthly-partial.csv --from 2026-12-31 --channels $F/channels.csv \
	--headcount $F/headcount.csv --params $F/params.csv -q -o $T/x.csv 2>$T/err; rc=$?
is "--from outside the first month: usage error" "$rc $(cat $T/err)" \
	"2 wfm-capacity: $F/monthly-partial.csv: --from 2026-12-31 is not in the first month (2027-01)"

# --history gives the same plan as --profile from wfm profile of that history.
awk 'BEGIN { print "timestamp,channel,volume"; for (d = 0; d < 14; d++) for (h = 0; h < 24; h++)
	printf "%s,calls,%d\n", strftime("%Y-%m-%dT%H:00", mktime("2026 11 02 00 00 00") + d * 86400 + h * 3600, 1), 5 + h }' > $T/hist.csv
wfm profile $T/hist.csv -o $T/prof.csv
wfm capacity $F/volumes.csv --channels $F/channels.csv --headcount $F/headcount.csv \
	--params $F/params.csv --profile $T/prof.csv -q -o $T/a.csv
wfm capacity $F/volumes.csv --channels $F/channels.csv --headcount $F/headcount.csv \
	--params $F/params.csv --history $T/hist.csv -q -o $T/b.csv
ok "--history = --profile of the same history" cmp $T/a.csv $T/b.csv
# Peaked day: hour h has 5 + h of the day's 396 (every weekday alike), so
# hour h of a week with volume V holds V / 7 (5 + h) / 396 calls;
# required = 7 sum_h N(a_h) / 40 / 0.7.
erl='function agents(a,   n, b, c, sl) {
		if (a <= 0) return 0
		for (n = 1; ; n++) {
			b = 1; for (k = 1; k <= n; k++) b = a * b / (k + a * b)
			if (n <= a) continue
			c = n * b / (n - a * (1 - b)); sl = 1 - c * exp(-(n - a) * 20 / 180)
			if (sl >= 0.8) return n
		} }'
is "peaked profile: required = Erlang C hour by hour" "$(awk -F, "$erl"'
	FNR == 1 { next } NR == FNR { vol[$1] = $3; next }
	{ s = 0; for (h = 0; h < 24; h++) s += agents(vol[$1] / 7 * (5 + h) / 396 * 180 / 3600)
	  want = 7 * s / 40 / 0.7; if (($9 - want)^2 > 1e-4) print $1, $9, want; n++ }
	END { print "rows", n }' $F/volumes.csv $T/a.csv)" "rows 14"
# Neither --profile nor --history: spread evenly, as the flat profile (warned).
wfm capacity $F/volumes.csv --channels $F/channels.csv --headcount $F/headcount.csv \
	--params $F/params.csv --scenario high=2 -o $T/flat.csv 2>$T/flat.err
ok "no profile = flat profile" cmp $T/flat.csv $T/plan.csv
ok "no profile: warned" grep -q "warning: no --profile or --history" $T/flat.err

# The chart reads the plan back: a PNG, the same bytes twice.
wfm chart capacity $T/plan.csv -o $T/plan.png
ok "chart capacity: PNG" bash -c "head -c 8 '$T/plan.png' | od -An -c | grep -q 'P   N   G'"
wfm chart capacity $T/plan.csv -o $T/plan2.png
ok "chart capacity: same bytes" cmp $T/plan.png $T/plan2.png
ok "chart capacity: SVG" wfm chart capacity $T/plan.csv -o $T/plan.svg
ok "deterministic" sh -c "'$BIN/wfm-capacity' $F/volumes.csv --channels $F/channels.csv --headcount $F/headcount.csv --params $F/params.csv --history $T/hist.csv -q | cmp - $T/b.csv"
finish
