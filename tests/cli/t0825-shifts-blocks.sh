#!/bin/bash
# t0825-shifts-blocks.sh - plans by blocks of days (lib/shiftplan_blocks.c,
# issue 21.1): a 6-day hourly week-like curve with 4-12 h shifts starting
# on the hour, --blocks 2 and --blocks 3.  Each plan covers every half
# hour (recomputed from plan.csv with awk, cyclic window), its paid hours
# (recomputed) are the report's and within 1% of the bound; the bound (the
# days' LPs by interior point, shifts across midnight at their share of
# cost) is valid: at most the LP bound that an independent run of the same
# input as one model reports (simplex), and within 0.5% of it.  The same bytes
# with two CPU hogs beside it (work limits, not the clock, decide each
# block).  Without --blocks this small model is planned as one.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
awk -v days=6 -v step=60 -v base=40 -v weekend=0.75 -v from=4 -f "$ROOT/tests/fixtures/shifts/peaks.awk" >"$T/req.csv"
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nany,4|6|8|9|12,00:00,23:00,60,6,30,all\n' >"$T/rules.csv"
paid() { awk -F, 'function hm(s) { return substr(s, 1, 2) * 60 + substr(s, 4, 2) }
	NR > 1 { l = (hm($4) - hm($3) + 1440) % 1440; if ($5 != "") l -= (hm($6) - hm($5) + 1440) % 1440
		 h += l / 60 * $7 } END { printf "%.2f", h }' "$1"; }
short() { awk -F, 'function hm(s) { return substr(s, 1, 2) * 60 + substr(s, 4, 2) }
	function day(s) { return substr(s, 9, 2) - 23 }
	FNR == NR { if (FNR > 1) { c = (day($1) * 1440 + hm(substr($1, 12))) / 30; R[c] = R[c + 1] = $6 }; next }
	FNR == 1 { next }
	{ s = day($1) * 1440 + hm($3); e = s + (hm($4) - hm($3) + 1440) % 1440
	  bs = $5 == "" ? -1 : s + (hm($5) - hm($3) + 1440) % 1440
	  for (t = s; t < e; t += 30) if (bs < 0 || t < bs || t >= bs + 30) C[int(t / 30) % 288] += $7 }
	END { n = 0; for (i = 0; i < 288; i++) if (C[i] + 1e-9 < R[i]) n++; print n }' "$T/req.csv" "$1"; }

wfm shifts "$T/req.csv" --rules "$T/rules.csv" -o "$T/one.csv" 2>"$T/one.txt"
is "without --blocks: one model" "$(grep -c '^  blocks' "$T/one.txt")" 0
lp=$(awk '/paid hours/ { print $7 }' "$T/one.txt")
# plans DIR: the two block plans into DIR
plans() {
	mkdir -p "$1"
	for b in 2 3; do
		wfm shifts "$T/req.csv" --rules "$T/rules.csv" --blocks $b -o "$1/b$b.csv" 2>"$1/b$b.txt"
	done
}
plans "$T/quiet"
hogs=""
for k in 1 2; do timeout 120 sh -c 'yes >/dev/null' & hogs="$hogs $!"; done
plans "$T/busy"
for p in $hogs; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
for b in 2 3; do
	f="$T/quiet/b$b"
	ok "--blocks $b: same bytes with two CPU hogs" cmp "$f.csv" "$T/busy/b$b.csv"
	is "--blocks $b: the report says so" "$(grep -c "^  blocks       $((6 / b)) blocks of $b days" "$f.txt")" 1
	is "--blocks $b: half hours under-covered, recomputed" "$(short "$f.csv")" 0
	p=$(paid "$f.csv")
	is "--blocks $b: paid hours of plan.csv are the report's" "$p" "$(awk '/paid hours/ { print $3 }' "$f.txt")"
	bound=$(awk '/paid hours/ { print $7 }' "$f.txt")
	ok "--blocks $b: the days' bound $bound is <= the one model's LP bound $lp and within 0.5% of it" \
		awk -v b=$bound -v l=$lp 'BEGIN { exit !(b <= l + 0.01 && b >= 0.995 * l) }'
	ok "--blocks $b: $p paid h within 1% of the bound $bound" \
		awk -v p=$p -v b=$bound 'BEGIN { exit !(b > 0 && p >= b - 1e-6 && p <= 1.01 * b) }'
done
finish
