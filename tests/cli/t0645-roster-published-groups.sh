#!/bin/bash
# t0645-roster-published-groups.sh - wfm roster --published on a plan by
# skill groups: the published rows' group column is read back and matched
# (date, times, break and group), so republishing an unchanged roster
# changes nothing (0 changes, the same bytes, the group column kept before
# --from); a published row without a group matches by the agent's skills.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC
cat >$T/staff.csv <<'EOS'
id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off
A1,Both,calls|chat,40,4,9,00:00,24:00,
B1,Caller,calls,40,4,9,00:00,24:00,
EOS
# The same times once as calls, once as calls|chat: only A1 fits calls|chat.
cat >$T/plan.csv <<'EOS'
date,shift,start,end,break_start,break_end,count,group
2026-11-23,day,09:00,17:00,,,1,calls
2026-11-23,day,09:00,17:00,,,1,calls|chat
2026-11-24,day,09:00,17:00,,,1,calls
2026-11-24,day,09:00,17:00,,,1,calls|chat
EOS
wfm roster $T/plan.csv $T/staff.csv --from 2026-11-23 --to 2026-11-24 -q -o $T/a.csv
is "A1 on calls|chat, B1 on calls" "$(tail -n +2 $T/a.csv | cut -d, -f1,2,9 | sort | tr '\n' ' ')" \
	"2026-11-23,A1,calls|chat 2026-11-23,B1,calls 2026-11-24,A1,calls|chat 2026-11-24,B1,calls "
wfm roster $T/plan.csv $T/staff.csv --published $T/a.csv --from 2026-11-24 --changes $T/c.csv -o $T/b.csv 2>$T/rep
is "republished: exit 0" "$?" 0
ok "republished: 0 changes" grep -q "^changed 0 of 2 rows" $T/rep
is "republished: changes file empty" "$(wc -l <$T/c.csv)" 1
ok "republished: same bytes (group kept before --from)" cmp -s $T/a.csv $T/b.csv
# A published roster without the group column: matched by skills.
cut -d, -f1-8 $T/a.csv >$T/a8.csv
wfm roster $T/plan.csv $T/staff.csv --published $T/a8.csv --from 2026-11-24 -o $T/b8.csv 2>$T/rep
ok "no group column: 0 changes" grep -q "^changed 0 of 2 rows" $T/rep
is "no group column: window rows get the plan's group" "$(grep ^2026-11-24 $T/b8.csv | cut -d, -f2,9 | sort | tr '\n' ' ')" \
	"A1,calls|chat B1,calls "

# The bundled 120 agents on a grouped week (the fixture week split into
# calls, chat, calls|chat and letters groups as in t0660): republishing from
# mid-week changes no row.
awk -F, -v OFS=, 'NR == 1 { print $0 ",group"; next } {
	c = $7; a = int(c / 2); b = int(c / 4); $7 = a; print $0, "calls"; $7 = b; print $0, "chat"
	$7 = c - a - b; print $0, "calls|chat"
	if ($3 == "09:00") { $7 = 2; print $0, "letters"; $7 = 1; print $0, "declarations|letters" } }' \
	$R/plan-week.csv >$T/pw.csv
wfm roster $T/pw.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv -q -o $T/w.csv
n=$(awk -F, 'NR > 1 && $1 >= "2026-11-25"' $T/w.csv | wc -l)
wfm roster $T/pw.csv $DATA/staff.csv --published $T/w.csv --from 2026-11-25 \
	--availability $DATA/availability.csv --changes $T/wc.csv -o $T/w2.csv 2>$T/rep
ok "grouped week: 0 changes of $n" grep -q "^changed 0 of $n rows" $T/rep
is "grouped week: changes file empty" "$(wc -l <$T/wc.csv)" 1
ok "grouped week: same bytes" cmp -s $T/w.csv $T/w2.csv
finish
