#!/bin/bash
# t0630-roster-degrade.sh - wfm-roster never leaves cron without a roster:
# a shift that fits nobody, an availability row for an agent who has left,
# a status in another case or from the wider set each give a complete roster
# and exit 0 (exit 1 only with --strict); an unknown status word is an error.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC

# plan-day (night 22-07, day 09-18, evening 16-20; one way to fill them, see
# t0600) plus a 12-h shift: every max_shift_h in staff3 is 8 or 9 h.
(cat $R/plan-day.csv; echo "2026-11-23,long,08:00,20:00,,,1") >$T/p12.csv
wfm roster $T/p12.csv $R/staff3.csv --date 2026-11-23 -o $T/r.csv 2>$T/rep
is "12-h shift: exit 0" "$?" 0
is "12-h shift: the other three filled" "$(cut -d, -f2,4 $T/r.csv | tail -n +2 | tr '\n' ' ')" \
	"D1,09:00 S1,16:00 N1,22:00 "
ok "12-h shift: reported with its reason" grep -q \
	"2026-11-23 Mon 08:00-20:00 long .* x1 *12.0 h  longer than every agent's max_shift_h" $T/rep
wfm roster $T/p12.csv $R/staff3.csv --date 2026-11-23 --strict -o $T/strict.csv 2>/dev/null
is "12-h shift: --strict exits 1" "$?" 1
ok "12-h shift: --strict writes nothing" test ! -e $T/strict.csv

# D1 and S1 only (windows 07-24 and 16-24): a 02:00-06:00 shift is outside
# every working window; the 22-07 night too (ends next day 07:00 > 24:00).
head -3 $R/staff3.csv >$T/st2.csv
(cat $R/plan-day.csv; echo "2026-11-23,early,02:00,06:00,,,2") >$T/pe.csv
wfm roster $T/pe.csv $T/st2.csv --date 2026-11-23 -o $T/r.csv 2>$T/rep
is "outside windows: exit 0" "$?" 0
ok "outside windows: reason" grep -q "02:00-06:00 early .* x2 .*outside every agent's working window" $T/rep
is "outside windows: 2 rows" "$(tail -n +2 $T/r.csv | wc -l)" 2

# Availability: "Sick" in another case, " DAY_OFF " with blanks, and two rows
# for A999 who is not in staff3: D1 and S1 are off, only N1 works, one
# warning names the first unknown row and counts both.
printf 'agent_id,date,status\nD1,2026-11-23,Sick\nA999,2026-11-23,vacation\nS1,2026-11-23, DAY_OFF \nA999,2026-11-24,sick\n' >$T/av.csv
wfm roster $R/plan-day.csv $R/staff3.csv --date 2026-11-23 --availability $T/av.csv -o $T/r.csv 2>$T/rep
is "availability: exit 0" "$?" 0
is "availability: only N1" "$(cut -d, -f2 $T/r.csv | tail -n +2 | tr '\n' ' ')" "N1 "
ok "availability: warning for the agent who left" grep -qx \
	"wfm-roster: warning: $T/av.csv:3: agent_id: agent \"A999\" is not in $R/staff3.csv: 2 availability rows skipped" $T/rep
# Each status of the documented set keeps D1 off; "available" puts D1 back on
# a fixed day off (Sat 2026-11-28).
for s in sick VACATION Training day_off unavailable; do
	printf 'agent_id,date,status\nD1,2026-11-23,%s\n' $s >$T/a1.csv
	wfm roster $R/plan-day.csv $R/staff3.csv --date 2026-11-23 --availability $T/a1.csv -o $T/r.csv 2>/dev/null
	is "status $s keeps D1 off" "$(grep -c ',D1,' $T/r.csv)" 0
done
sed 's/2026-11-23/2026-11-28/' $R/plan-day.csv >$T/sat.csv
printf 'agent_id,date,status\nD1,2026-11-28,Available\n' >$T/a1.csv
wfm roster $T/sat.csv $R/staff3.csv --date 2026-11-28 --availability $T/a1.csv -o $T/r.csv 2>/dev/null
is "Available on a fixed day off" "$(grep -c ',D1,' $T/r.csv)" 1
printf 'agent_id,date,status\nD1,2026-11-23,holiday\n' >$T/a1.csv
fails_cleanly "unknown status word" \
	'^wfm-roster: .*a1.csv:2: status: "holiday" is not one of available, sick, vacation, training, day_off, unavailable$' \
	roster $R/plan-day.csv $R/staff3.csv --date 2026-11-23 --availability $T/a1.csv

# A previous roster naming an agent who has left: skipped with a warning.
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-22,X1,Gone,22:00,07:00,,\n' >$T/prev.csv
wfm roster $R/plan-day.csv $R/staff3.csv --date 2026-11-23 --previous $T/prev.csv -o $T/r.csv 2>$T/rep
is "previous with a departed agent: exit 0" "$?" 0
ok "previous: warned" grep -q "prev.csv:2: agent_id: agent \"X1\" is not in .*1 roster row before the window skipped" $T/rep
is "previous: roster complete" "$(tail -n +2 $T/r.csv | wc -l)" 3
finish
