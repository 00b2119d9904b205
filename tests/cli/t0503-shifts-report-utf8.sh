#!/bin/bash
# t0503-shifts-report-utf8.sh - the group lines of the wfm shifts --staff
# report line up by characters with Cyrillic channel names (звонки, чат:
# 2 bytes a letter).  Independent check: with the UTF-8 continuation bytes
# deleted every character is one byte, so the byte offset of "people"
# must be the same on every group line: 50 = 15 ("  group        ")
# + 28 (name) + 1 + 5 (count) + 1.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
awk 'BEGIN { print "timestamp,channel,agents_gross"
	for (h = 0; h < 24; h++) for (c = 1; c <= 2; c++)
		printf "2026-11-24T%02d:00,%s,%s\n", h, (c == 1 ? "звонки" : "чат"), ((h >= 8 && h < 16) ? 1.5 : 0) }' >"$T/req.csv"
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nday,8,08:00,08:00,60,9,30,all\n' >"$T/rules.csv"
cat >"$T/staff.csv" <<'S'
id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off
A1,Анна,звонки,40,4,9,00:00,24:00,
A2,Борис,чат,40,4,9,00:00,24:00,
A3,Вера,звонки|чат,40,4,9,00:00,24:00,
A4,Глеб,звонки|чат,40,4,9,00:00,24:00,
S
wfm shifts "$T/req.csv" --rules "$T/rules.csv" --staff "$T/staff.csv" -o "$T/plan.csv" 2>"$T/report.txt"
is "exit status" $? 0
is "three group lines" "$(grep -c '^  group ' "$T/report.txt")" 3
is "\"people\" at one character column on every group line" "$(LC_ALL=C awk '/^  group / {
	gsub(/[\200-\277]/, ""); print index($0, " people") }' "$T/report.txt" | sort -u | tr "\n" " ")" "50 "
finish
