#!/bin/bash
# t0605-roster-strict-message.sh - wfm roster --strict -q: the one stderr
# line stands on its own (no report to point at): how many shifts stay
# unfilled and the first one.  One 40 h agent, five days a week, against
# 3 shifts on Monday and one a day Tue-Sat: 8 planned, 5 filled.  Checked
# against the plan minus the roster rows written without --strict, and
# against the first line of the report's unfilled list.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
R=$FIX/roster
sed 's/^2026-11-23,short,10:00,14:00,,,1$/2026-11-23,short,10:00,14:00,,,3/' $R/plan-six.csv >$T/plan.csv
wfm roster $T/plan.csv $R/staff1.csv --week 2026-11-23 -o $T/r.csv 2>$T/rep
unf=$(( $(awk -F, 'NR > 1 { n += $7 } END { print n }' $T/plan.csv) - $(tail -n +2 $T/r.csv | wc -l) ))
first=$(awk '/^unfilled shifts/ { getline; print $1, $2, $3, $4, $5; exit }' $T/rep)
is "unfilled by count" "$unf" 3
wfm roster $T/plan.csv $R/staff1.csv --week 2026-11-23 --strict -q -o $T/s.csv 2>$T/err
is "--strict -q: exit 1" "$?" 1
ok "--strict -q: no output file" test ! -e $T/s.csv
is "--strict -q: one stderr line" "$(wc -l <$T/err)" 1
ok "--strict -q: no pointer to a report" sh -c "! grep -q report $T/err"
is "--strict -q: the message" "$(cat $T/err)" \
	"wfm-roster: infeasible: $unf shifts unfilled in 2 plan rows, the first $first"
finish
