#!/bin/bash
# t0646-roster-any-skills.sh - wfm roster takes staff.csv's skill names as
# they are (Cyrillic here) without --skills; the plan's groups and
# groups.csv are matched against them; --skills stays an explicit check.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
cat >$T/staff.csv <<'EOS'
id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off
A1,Оба,звонки|чат,40,4,9,00:00,24:00,
B1,Звонящий,звонки,40,4,9,00:00,24:00,
B2,Письма,письма,40,4,9,00:00,24:00,
EOS
cat >$T/plan.csv <<'EOS'
date,shift,start,end,break_start,break_end,count,group
2026-11-23,day,09:00,17:00,,,1,звонки
2026-11-23,day,09:00,17:00,,,1,звонки|чат
2026-11-23,day,10:00,16:00,,,1,письма
2026-11-23,day,10:00,16:00,,,1,факс
EOS
wfm roster $T/plan.csv $T/staff.csv --date 2026-11-23 -o $T/r.csv 2>$T/rep
is "Cyrillic skills without --skills: exit 0" "$?" 0
is "by skills" "$(tail -n +2 $T/r.csv | cut -d, -f2,9 | sort | tr '\n' ' ')" \
	"A1,звонки|чат B1,звонки B2,письма "
ok "group nobody holds stays unfilled" grep -q "group факс  no agent has every skill of its group" $T/rep
ok "per channel: чат 1 of 1" grep -Eq "^  чат +1 +1 " $T/rep
# Without groups: any names as well.
printf 'date,shift,start,end,break_start,break_end,count\n2026-11-23,day,09:00,17:00,,,2\n' >$T/p0.csv
wfm roster $T/p0.csv $T/staff.csv --date 2026-11-23 -q -o $T/r0.csv
is "plan without groups: 2 rows" "$(($(wc -l <$T/r0.csv) - 1))" 2
# groups.csv naming Cyrillic skills.
printf 'group,skills\nобщая,звонки|чат\nлиния,звонки\n' >$T/groups.csv
printf 'date,shift,start,end,break_start,break_end,count,group\n2026-11-23,day,09:00,17:00,,,1,общая\n2026-11-23,day,09:00,17:00,,,1,линия\n' >$T/pg.csv
wfm roster $T/pg.csv $T/staff.csv --date 2026-11-23 --groups $T/groups.csv -q -o $T/rg.csv
is "--groups with Cyrillic skills" "$(tail -n +2 $T/rg.csv | cut -d, -f2,9 | sort | tr '\n' ' ')" "A1,общая B1,линия "
# --skills: the explicit check.
wfm roster $T/plan.csv $T/staff.csv --date 2026-11-23 --skills 'звонки,чат,письма' -q -o $T/rk.csv
is "--skills listing them all: exit 0" "$?" 0
ok "--skills: same roster" cmp -s $T/r.csv $T/rk.csv
fails_cleanly "--skills without one of them" "^wfm-roster: .*staff.csv:4: skills: unknown skill \"письма\"$" \
	roster $T/plan.csv $T/staff.csv --date 2026-11-23 --skills 'звонки,чат'
finish
