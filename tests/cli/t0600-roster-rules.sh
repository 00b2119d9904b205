#!/bin/bash
# t0600-roster-rules.sh - wfm-roster on hand-checkable staff sets (expected
# rosters worked out by hand in the comments), then the hard rules on the
# bundled 120 agents checked by an independent awk checker.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC

# Three shifts, three agents, one way to fill them: the night 22-07 fits only
# N1 (D1's window is 07-24, S1's is 16-24), then 09-18 (9 h) fits only D1
# (S1 starts at 16:00) and 16-20 goes to S1.
wfm roster $R/plan-day.csv $R/staff3.csv --date 2026-11-23 -o $T/r.csv 2>$T/rep
is "unique assignment" "$(cut -d, -f2,4,5 $T/r.csv | tail -n +2 | tr '\n' ' ')" \
	"D1,09:00,18:00 S1,16:00,20:00 N1,22:00,07:00 "
is "header" "$(head -1 $T/r.csv)" "date,agent_id,name,start,end,break_start,break_end,shift"
is "break kept" "$(grep D1 $T/r.csv | cut -d, -f6,7)" "13:00,13:30"

# Rest rule: the night ends Tue 07:00, Tue's 09:00 shift leaves 2 h of rest
# < 11 h, so it stays unfilled (8.5 paid hours of overtime); with --min-rest 1
# both are filled.
wfm roster $R/plan-rest.csv $R/staff1.csv --week 2026-11-23 -o $T/r.csv 2>$T/rep
is "rest: one row" "$(tail -n +2 $T/r.csv | wc -l)" 1
ok "rest: unfilled reported" grep -q "2026-11-24 Tue 09:00-18:00 day        break 13:00-13:30 x1      8.5 h" $T/rep
ok "rest: overtime" grep -q "overtime needed: 1 shifts, 8.5 paid hours" $T/rep
wfm roster $R/plan-rest.csv $R/staff1.csv --week 2026-11-23 --min-rest 1 -o $T/r.csv 2>$T/rep
is "rest 1 h: two rows" "$(tail -n +2 $T/r.csv | wc -l)" 2

# Previous roster: a Sunday night shift (22-07) before the window blocks
# Monday 09:00 the same way.
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-22,N1,Night Person,22:00,07:00,,\n' >$T/prev.csv
printf 'date,shift,start,end,break_start,break_end,count\n2026-11-23,day,09:00,18:00,,,1\n2026-11-23,late,20:00,23:00,,,0\n' >$T/p.csv
wfm roster $T/p.csv $R/staff1.csv --date 2026-11-23 --previous $T/prev.csv -o $T/r.csv 2>$T/rep
is "previous roster: rest" "$(tail -n +2 $T/r.csv | wc -l)" 0
wfm roster $T/p.csv $R/staff1.csv --date 2026-11-23 -o $T/r.csv 2>$T/rep
is "without previous roster" "$(tail -n +2 $T/r.csv | wc -l)" 1

# Contract: 20 h + 4 h tolerance = 24 h; shifts pay 8.5 h, so 2 of them (17 h)
# fit and a third (25.5 h) does not: Mon, Tue filled, Wed unfilled; Sat is a
# fixed day off.
wfm roster $R/plan-part.csv $R/staff-part.csv --week 2026-11-23 -o $T/r.csv 2>$T/rep
is "contract: days" "$(tail -n +2 $T/r.csv | cut -d, -f1 | tr '\n' ' ')" "2026-11-23 2026-11-24 "
ok "contract: 2 unfilled" grep -q "overtime needed: 2 shifts, 17.0 paid hours" $T/rep
# Tue vacation, Sat made available: Mon, Wed filled (17 h), Sat still over 24 h.
wfm roster $R/plan-part.csv $R/staff-part.csv --week 2026-11-23 --availability $R/avail-sat.csv -o $T/r.csv 2>$T/rep
is "availability: days" "$(tail -n +2 $T/r.csv | cut -d, -f1 | tr '\n' ' ')" "2026-11-23 2026-11-25 "
# Tolerance 10 h: 30 h allows a third 8.5 h shift (Mon + Wed + Sat = 25.5 h).
wfm roster $R/plan-part.csv $R/staff-part.csv --week 2026-11-23 --availability $R/avail-sat.csv --tolerance 10 -o $T/r.csv 2>$T/rep
is "tolerance 10: days" "$(tail -n +2 $T/r.csv | cut -d, -f1 | tr '\n' ' ')" "2026-11-23 2026-11-25 2026-11-28 "

# Two days off a week: six 4 h shifts for one 40 h agent -> 5 filled, Sat not.
wfm roster $R/plan-six.csv $R/staff1.csv --week 2026-11-23 -o $T/r.csv 2>$T/rep
is "5 days a week" "$(tail -n +2 $T/r.csv | wc -l)" 5
ok "sixth day reported" grep -q "2026-11-28 Sat 10:00-14:00 short                        x1      4.0 h" $T/rep
wfm roster $R/plan-six.csv $R/staff1.csv --week 2026-11-23 --max-days-week 6 --max-consecutive 5 -o $T/r.csv 2>$T/rep
is "max 5 consecutive days" "$(tail -n +2 $T/r.csv | wc -l)" 5
wfm roster $R/plan-six.csv $R/staff1.csv --week 2026-11-23 --strict -o $T/r.csv 2>$T/rep
is "--strict: exit 1 on unfilled" "$?" 1

# Weekend rotation over weeks: two equal agents, one Saturday shift a week.
# Week 1 goes to A1 (staff order breaks the tie); week 2 with week 1 as
# --previous goes to B1 (A1 already has a weekend day), without it to A1.
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nA1,Ann,calls,40,4,9,00:00,24:00,\nB1,Bob,calls,40,4,9,00:00,24:00,\n' >$T/st2.csv
printf 'date,shift,start,end,break_start,break_end,count\n2026-11-28,day,09:00,17:00,,,1\n2026-12-05,day,09:00,17:00,,,1\n' >$T/sat.csv
wfm roster $T/sat.csv $T/st2.csv --week 2026-11-23 -q -o $T/w1.csv
is "weekend week 1" "$(tail -n +2 $T/w1.csv | cut -d, -f2)" A1
wfm roster $T/sat.csv $T/st2.csv --week 2026-11-30 --previous $T/w1.csv -q -o $T/w2.csv
is "weekend week 2 rotates with --previous" "$(tail -n +2 $T/w2.csv | cut -d, -f2)" B1
wfm roster $T/sat.csv $T/st2.csv --week 2026-11-30 -q -o $T/w2.csv
is "weekend week 2 alone" "$(tail -n +2 $T/w2.csv | cut -d, -f2)" A1

# The bundled staff on a week plan of 545 shifts: every hard rule holds
# (independent awk check), rows + unfilled = planned, same bytes twice.
wfm roster $R/plan-week.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv \
	-o $T/w1.csv 2>$T/rep
is "week: no rule broken" "$(awk -F, -v rest=660 -f $R/civil.awk -f $R/check.awk $DATA/staff.csv $DATA/availability.csv $T/w1.csv | tail -1)" "violations 0"
planned=$(awk -F, 'NR > 1 { s += $7 } END { print s }' $R/plan-week.csv)
rows=$(($(wc -l <$T/w1.csv) - 1))
unf=$(awk '/^overtime needed:/ { print $3 }' $T/rep)
is "week: rows + unfilled = planned" "$((rows + unf))" "$planned"
ok "week: unfilled > 0 reported (plan exceeds staff)" test "$unf" -gt 0
ok "week: bound >= filled" awk '/^total/ { exit !($5 >= $3) }' $T/rep
wfm roster $R/plan-week.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv \
	-o $T/w2.csv 2>/dev/null
ok "deterministic" cmp $T/w1.csv $T/w2.csv
# A002 has Mon|Tue off: no row on 23 or 24; A097 is sick 24-25.
is "fixed days off" "$(grep -c '^2026-11-2[34],A002,' $T/w1.csv)" 0
is "sick days" "$(grep -c '^2026-11-2[45],A097,' $T/w1.csv)" 0
# A003 and A005 have Sat|Sun off but are available on Sat 2026-11-28: allowed.
ok "--help" wfm roster --help
finish
