#!/bin/bash
# t0620-roster-coverage.sh - wfm roster --coverage on a hand-worked day and
# the spread of a shortage over the days.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC

# plan-day: night 22:00-07:00 (break 02:00-02:30), day 09:00-18:00 (break
# 13:00-13:30), evening 16:00-20:00, one each.  With N1 sick nobody can work
# the night (D1 07-24, S1 16-24): it stays unfilled.  Times are multiples of
# 30 min, so the grid is 30 min, 48 rows for the day; the night is cut at
# 24:00 (the window is one day).
printf 'agent_id,date,status\nN1,2026-11-23,sick\n' >$T/sick.csv
wfm roster $R/plan-day.csv $R/staff3.csv --availability $T/sick.csv --date 2026-11-23 --coverage $T/cov.csv -o $T/r.csv 2>$T/rep
is "coverage header" "$(head -1 $T/cov.csv)" "timestamp,required,scheduled,over,under"
is "coverage rows" "$(($(wc -l <$T/cov.csv) - 1))" 48
# 08:30 nobody; 09:00 day shift planned and filled; 13:00 its break;
# 16:00 day + evening; 18:00 evening only; 22:00 the unfilled night.
is "08:30" "$(grep T08:30 $T/cov.csv)" "2026-11-23T08:30,0,0,0,0"
is "09:00" "$(grep T09:00 $T/cov.csv)" "2026-11-23T09:00,1,1,0,0"
is "13:00 break" "$(grep T13:00 $T/cov.csv)" "2026-11-23T13:00,0,0,0,0"
is "16:00" "$(grep T16:00 $T/cov.csv)" "2026-11-23T16:00,2,2,0,0"
is "18:00" "$(grep T18:00 $T/cov.csv)" "2026-11-23T18:00,1,1,0,0"
is "22:00 unfilled night" "$(grep T22:00 $T/cov.csv)" "2026-11-23T22:00,1,0,0,1"
# sums: required = 8.5 h day + 4 h evening + 2 h night before 24:00 = 14.5 h
# = 29 half-hours; scheduled 25; under 4 (22:00-24:00).
is "sums" "$(awk -F, 'NR > 1 { r += $2; s += $3; o += $4; u += $5 } END { print r, s, o, u }' $T/cov.csv)" "29 25 0 4"
# --requirements: required = calls + chat agents_gross: 09:00 2 + 1 = 3
# (1 on shift: under 2), 09:30 2, 16:00 1 + 1 = 2 (2 on shift), 10:00 no
# row: 0 (1 on shift: over 1).
wfm roster $R/plan-day.csv $R/staff3.csv --availability $T/sick.csv --date 2026-11-23 --coverage $T/cov2.csv \
	--requirements $R/req-cov.csv -o $T/r.csv 2>$T/rep
is "req 09:00" "$(grep T09:00 $T/cov2.csv)" "2026-11-23T09:00,3,1,0,2"
is "req 09:30" "$(grep T09:30 $T/cov2.csv)" "2026-11-23T09:30,2,1,0,1"
is "req 10:00" "$(grep T10:00 $T/cov2.csv)" "2026-11-23T10:00,0,1,1,0"
is "req 16:00" "$(grep T16:00 $T/cov2.csv)" "2026-11-23T16:00,2,2,0,0"
wfm roster $R/plan-day.csv $R/staff3.csv --availability $T/sick.csv --date 2026-11-23 --requirements $R/req-cov.csv -o $T/r.csv 2>$T/rep
is "--requirements without --coverage: usage" "$?" 2

# Spread: Mon and Sat, 4 shifts of 8 h each, for 4 agents (40 h, any
# day): all 8 filled.  With --max-days-week 1 only 4 shifts can be filled: the old day-by-day fill gave Mon 4/4 and Sat 0/4;
# balancing the filled share gives Mon 2/4 and Sat 2/4 (50 % each).
printf 'date,shift,start,end,break_start,break_end,count\n2026-11-23,day,09:00,17:00,,,4\n2026-11-28,day,09:00,17:00,,,4\n' >$T/p.csv
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\n' >$T/s.csv
for i in 1 2 3 4; do echo "X$i,Agent $i,calls,40,4,9,00:00,24:00," >>$T/s.csv; done
wfm roster $T/p.csv $T/s.csv --week 2026-11-23 -o $T/r.csv 2>$T/rep
is "spread: all filled" "$(($(wc -l <$T/r.csv) - 1))" 8
wfm roster $T/p.csv $T/s.csv --week 2026-11-23 --max-days-week 1 -o $T/r.csv 2>$T/rep
is "spread: Mon 2" "$(grep -c ^2026-11-23 $T/r.csv)" 2
is "spread: Sat 2" "$(grep -c ^2026-11-28 $T/r.csv)" 2
ok "spread: min = max = 50 %" grep -q "filled share of planned hours: min 50% (2026-11-23 Mon), max 50% (2026-11-23 Mon)" $T/rep
# Day-local, each day could have all 4 agents: best 100 % on both days; the
# weekly limit (4 agents x 1 day x 8 h = 32 h for the 64 h planned) caps
# both at 50 %: the target column and the bound say so.
ok "spread: best 100 %, target 50 %" grep -Eq "^2026-11-23  Mon .* 50%  100%     50%$" $T/rep
ok "spread: bound 50 % from the weekly limits" grep -q "bound on the worst day's share: 50% (2026-11-23 Mon: the weekly limits)" $T/rep
ok "spread: the limit named" grep -q "at most 1 days a week and contract + 4 h per agent" $T/rep
# With X3 and X4 sick on Saturday its best is 2 x 8 / 32 = 50 %; without the
# days limit Monday keeps its best (100 %).
printf 'agent_id,date,status\nX3,2026-11-28,sick\nX4,2026-11-28,sick\n' >$T/a.csv
wfm roster $T/p.csv $T/s.csv --week 2026-11-23 --availability $T/a.csv -o $T/r.csv 2>$T/rep
ok "sick: bound 50 % on Sat" grep -q "bound on the worst day's share: 50% (2026-11-28 Sat: its available agents" $T/rep
is "sick: Sat 2 filled" "$(grep -c ^2026-11-28 $T/r.csv)" 2
finish
