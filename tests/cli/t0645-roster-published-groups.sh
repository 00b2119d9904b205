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

# The bundled staff rostered on PLAN's week, published (its first COLS
# columns: 9 with the group column, 8 without) and rostered again from FROM:
# no row changes (the new roster in $T/new.csv)
republish_week() {   # WHAT PLAN FROM COLS
	local n
	wfm roster "$2" $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv -q -o $T/w.csv
	cut -d, -f1-"$4" $T/w.csv >$T/pub.csv
	n=$(awk -F, -v d="$3" 'NR > 1 && $1 >= d' $T/pub.csv | wc -l)
	wfm roster "$2" $DATA/staff.csv --published $T/pub.csv --from "$3" \
		--availability $DATA/availability.csv --changes $T/wc.csv -o $T/new.csv 2>$T/rep
	ok "$1: 0 changes of $n" grep -q "^changed 0 of $n rows" $T/rep
	is "$1: changes file empty" "$(wc -l <$T/wc.csv)" 1
	ok "$1: same rows and times (and groups when published)" cmp -s $T/pub.csv <(cut -d, -f1-"$4" $T/new.csv)
}
# The bundled 120 agents on a grouped week (the fixture week split into
# calls, chat, calls|chat and letters groups as in t0660): republishing from
# mid-week changes no row.
awk -F, -v OFS=, 'NR == 1 { print $0 ",group"; next } {
	c = $7; a = int(c / 2); b = int(c / 4); $7 = a; print $0, "calls"; $7 = b; print $0, "chat"
	$7 = c - a - b; print $0, "calls|chat"
	if ($3 == "09:00") { $7 = 2; print $0, "letters"; $7 = 1; print $0, "declarations|letters" } }' \
	$R/plan-week.csv >$T/pw.csv
republish_week "grouped week" $T/pw.csv 2026-11-25 9

# Without the group column, rows are matched per day as a whole (an
# augmenting path over the types of the same times), not greedily in file
# order.  Hand case: the chat|letters type comes first in the plan and C1
# (calls|chat|letters) is first in the file; greedily C1 took chat|letters
# (one extra skill either way) and D1, who holds only chat|letters, lost
# its row ("no longer in the plan").  Matched: C1 on calls|chat.
cat >$T/staff3.csv <<'EOS'
id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off
C1,Three,calls|chat|letters,40,4,9,00:00,24:00,
D1,Two,chat|letters,40,4,9,00:00,24:00,
EOS
cat >$T/plan3.csv <<'EOS'
date,shift,start,end,break_start,break_end,count,group
2026-11-23,day,09:00,17:00,,,1,chat|letters
2026-11-23,day,09:00,17:00,,,1,calls|chat
EOS
printf 'date,agent_id,name,start,end,break_start,break_end,shift\n2026-11-23,C1,Three,09:00,17:00,,,day\n2026-11-23,D1,Two,09:00,17:00,,,day\n' >$T/p3.csv
wfm roster $T/plan3.csv $T/staff3.csv --published $T/p3.csv --from 2026-11-23 -o $T/o3.csv 2>$T/rep
ok "hand pair without group: 0 changes" grep -q "^changed 0 of 2 rows" $T/rep
is "hand pair without group: groups by skills" "$(tail -n +2 $T/o3.csv | cut -d, -f2,9 | sort | tr '\n' ' ')" \
	"C1,calls|chat D1,chat|letters "
# The bundled staff on the fixture week split into chat|letters, calls|chat
# and calls groups, rostered, published without the group column and read
# back: greedy file-order matching changed 4 of 392 rows, matching none.
awk -F, -v OFS=, 'NR == 1 { print $0 ",group"; next } {
	c = $7; a = int(c / 3); b = int(c / 3); $7 = a; print $0, "chat|letters"; $7 = b; print $0, "calls|chat"
	$7 = c - a - b; print $0, "calls" }' $R/plan-week.csv >$T/pv.csv
republish_week "grouped week without group column" $T/pv.csv 2026-11-23 8
# independent check of the groups given back: per day, times and group no
# more rows than the plan's count, and each agent holds every skill of its
# group (skills from staff.csv)
bad=$(awk -F, 'FNR == 1 { f++; next }
	f == 1 { sk[$1] = "|" $3 "|"; next }
	f == 2 { cap[$1 "," $3 "," $4 "," $5 "," $6 "," $8] += $7; next }
	{ k = $1 "," $4 "," $5 "," $6 "," $7 "," $9; if (++used[k] > cap[k]) { print "over " k; next }
	  m = split($9, g, "|"); for (i = 1; i <= m; i++) if (index(sk[$2], "|" g[i] "|") == 0) print "skill " $2 " " g[i] }' \
	$DATA/staff.csv $T/pv.csv $T/new.csv | wc -l)
is "grouped week without group column: counts and skills hold" "$bad" 0
finish
