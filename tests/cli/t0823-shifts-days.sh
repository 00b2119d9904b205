#!/bin/bash
# t0823-shifts-days.sh - the day options of every wfm program (lib/cli
# wfm_days_*, issue 19.17): --date, --week, --from/--to.  --from D --to
# D+6 plans the same bytes as --week D; --from/--to over 3 days plans
# those days only (dates in plan.csv, days in the report); usage errors
# exit 2.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
REQ="$ROOT/tests/fixtures/shifts/requirements.csv"
R="$ROOT/data/rules.csv"
wfm shifts "$REQ" --rules "$R" --week 2026-11-23 -o "$T/week.csv" 2>/dev/null
wfm shifts "$REQ" --rules "$R" --from 2026-11-23 --to 2026-11-29 -o "$T/range.csv" 2>/dev/null
ok "--from/--to over 7 days = --week" cmp "$T/week.csv" "$T/range.csv"
wfm shifts "$REQ" --rules "$R" --from 2026-11-24 --to 2026-11-26 -o "$T/three.csv" 2>"$T/three.txt"
is "3 days: the plan's dates" "$(awk -F, 'NR > 1 { print $1 }' "$T/three.csv" | sort -u | tr '\n' ' ')" \
	"2026-11-24 2026-11-25 2026-11-26 "
ok "3 days: the report says 3 days from 2026-11-24" grep -q '^wfm-shifts: 3 days from 2026-11-24' "$T/three.txt"
wfm shifts "$REQ" --rules "$R" --date 2026-11-25 -o "$T/one.csv" 2>/dev/null
is "--date: one day" "$(awk -F, 'NR > 1 { print $1 }' "$T/one.csv" | sort -u)" 2026-11-25
for args in "--from 2026-11-23" "--to 2026-11-23" "--date 2026-11-23 --week 2026-11-23" \
	"--from 2026-11-25 --to 2026-11-23" "--week 2026-13-01"; do
	wfm shifts "$REQ" --rules "$R" $args -o "$T/x.csv" 2>"$T/err.txt"
	is "$args: usage error" "$?" 2
	ok "$args: says why" grep -q '^wfm-shifts: .*\(--\|date\)' "$T/err.txt"
	ok "$args: no output file" test ! -e "$T/x.csv"
done
finish
