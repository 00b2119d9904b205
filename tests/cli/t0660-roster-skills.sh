#!/bin/bash
# t0660-roster-skills.sh - wfm roster on a plan by skill groups (plan.csv
# group column): each group's shifts go to agents holding every skill of the
# group, specialists before agents with more skills, per-group and
# per-channel shares and the unfilled shifts per channel in the report; the
# bundled staff on a grouped week checked by the independent rules.awk
# (skills included).
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC
RULES="-v rest=660 -v maxrun=6 -v maxdays=5 -v tol=4 -f $R/civil.awk -f $R/rules.awk"
cat >$T/staff.csv <<'EOS'
id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off
X1,Generalist,calls|chat,40,4,9,00:00,24:00,
C1,Caller One,calls,40,4,9,00:00,24:00,
C2,Caller Two,calls,40,4,9,00:00,24:00,
H1,Chatter,chat,40,4,9,00:00,24:00,
EOS
# One way to fill it: calls|chat needs X1 (the only agent with both), chat
# then H1, calls C1 and C2; nobody has letters.
cat >$T/plan.csv <<'EOS'
date,shift,start,end,break_start,break_end,count,group
2026-11-23,day,09:00,17:00,,,2,calls
2026-11-23,day,09:00,17:00,,,1,chat
2026-11-23,day,10:00,18:00,,,1,calls|chat
2026-11-23,day,10:00,14:00,,,1,letters
EOS
wfm roster $T/plan.csv $T/staff.csv --date 2026-11-23 -o $T/r.csv 2>$T/rep
is "exit 0 with a group nobody can fill" "$?" 0
is "by skills" "$(tail -n +2 $T/r.csv | cut -d, -f2,9 | tr '\n' ' ')" "C1,calls C2,calls H1,chat X1,calls|chat "
is "roster header has group" "$(head -1 $T/r.csv)" "date,agent_id,name,start,end,break_start,break_end,shift,group"
ok "letters unfilled with reason" grep -q "10:00-14:00 day .* x1 *4.0 h  group letters  no agent has every skill of its group" $T/rep
ok "per channel: calls 3 of 3" grep -Eq "^  calls +3 +3 +24.0 +24.0 +100%" $T/rep
ok "per channel: chat 2 of 2" grep -Eq "^  chat +2 +2 +16.0 +16.0 +100%" $T/rep
ok "unfilled per channel" grep -A1 "^unfilled for letters:" $T/rep | grep -q "10:00-14:00 letters"
ok "nothing unfilled for calls" grep -qx "unfilled for calls: none" $T/rep

# Specialists first: one calls shift, X1 (calls|chat) listed before C1.
printf 'date,shift,start,end,break_start,break_end,count,group\n2026-11-23,day,09:00,17:00,,,1,calls\n' >$T/p1.csv
wfm roster $T/p1.csv $T/staff.csv --date 2026-11-23 -q -o $T/r.csv
is "calls shift to the calls-only agent" "$(tail -n +2 $T/r.csv | cut -d, -f2)" C1
# ... but a wider agent fills a narrower group when no specialist is free.
printf 'date,shift,start,end,break_start,break_end,count,group\n2026-11-23,day,09:00,17:00,,,4,calls\n' >$T/p4.csv
wfm roster $T/p4.csv $T/staff.csv --date 2026-11-23 -q -o $T/r.csv
is "4 calls shifts: C1 C2 X1" "$(tail -n +2 $T/r.csv | cut -d, -f2 | sort | tr '\n' ' ')" "C1 C2 X1 "

# --groups: names from groups.csv
printf 'group,skills\ngeneral,calls|chat\ncallers,calls\n' >$T/groups.csv
printf 'date,shift,start,end,break_start,break_end,count,group\n2026-11-23,day,09:00,17:00,,,1,general\n2026-11-23,day,09:00,17:00,,,1,callers\n' >$T/pg.csv
wfm roster $T/pg.csv $T/staff.csv --date 2026-11-23 --groups $T/groups.csv -q -o $T/r.csv
is "--groups" "$(tail -n +2 $T/r.csv | cut -d, -f2,9 | sort | tr '\n' ' ')" "C1,callers X1,general "
printf 'date,shift,start,end,break_start,break_end,count,group\n2026-11-23,day,09:00,17:00,,,1,nosuch\n' >$T/pn.csv
fails_cleanly "group not in groups.csv" "^wfm-roster: .*pn.csv:2: group: group \"nosuch\" is not in .*groups.csv$" \
	roster $T/pn.csv $T/staff.csv --date 2026-11-23 --groups $T/groups.csv

# The bundled 120 agents on the fixture week split into groups: per plan row
# half to calls, a quarter to chat, the rest to calls|chat; letters and
# declarations rows for the late morning.
awk -F, -v OFS=, 'NR == 1 { print $0 ",group"; next } {
	c = $7; a = int(c / 2); b = int(c / 4); $7 = a; print $0, "calls"; $7 = b; print $0, "chat"
	$7 = c - a - b; print $0, "calls|chat"
	if ($3 == "09:00") { $7 = 2; print $0, "letters"; $7 = 1; print $0, "declarations|letters" } }' \
	$R/plan-week.csv >$T/pw.csv
wfm roster $T/pw.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv -o $T/w.csv 2>$T/rep
v=$(awk -F, $RULES $DATA/staff.csv $DATA/availability.csv $T/w.csv)
is "grouped week: no rule broken, skills included" "$(echo "$v" | tail -1)" "violations 0"
rows=$(($(wc -l <$T/w.csv) - 1))
unf=$(awk '/^overtime needed:/ { print $3 }' $T/rep)
planned=$(awk -F, 'NR > 1 { s += $7 } END { print s }' $T/pw.csv)
is "grouped week: rows + unfilled = planned" "$((rows + ${unf:-0}))" "$planned"
# The checker catches a skill breach: C... put on a chat row.
awk -F, -v OFS=, 'NR == 2 { $9 = "declarations" } { print }' $T/w.csv >$T/bad.csv
ok "checker sees a missing skill" test "$(awk -F, $RULES $DATA/staff.csv $DATA/availability.csv $T/bad.csv | tail -1 | cut -d' ' -f2)" -gt 0
# Per channel: filled shifts = rows of groups holding the channel (from the file).
for ch in calls chat letters declarations; do
	want=$(awk -F, -v c="$ch" 'NR > 1 && index("|" $9 "|", "|" c "|") { n++ } END { print n + 0 }' $T/w.csv)
	got=$(awk -v c="$ch" '/^by channel/ { f = 1; next } f && $1 == c { print $3; exit }' $T/rep)
	is "channel $ch filled = rows holding it" "$got" "$want"
done
finish
