#!/bin/bash
# t0610-functions-assign.sh - wfm-functions on a hand-checkable day, then the
# skill, block and coverage rules on the bundled staff (awk checks).
. "$(dirname "$0")/lib.sh"
F=$FIX/functions
export TZ=UTC
fn() { wfm functions $F/roster.csv $F/req.csv $F/staff.csv --date 2026-11-23 "$@"; }
at() { grep "^2026-11-23T$1:00,$2," $T/f.csv | cut -d, -f4; }

# Hand-worked (req.csv: calls 1, chat 1, letters 1, declarations 1 each hour,
# but calls 2 and chat 0 at 11:00):
#  09:00 Y1 (calls primary) CALLS, Z1 CHAT, X1 (letters primary) LETTERS, W1 DECL.
#  11:00 calls needs 2: X1 (calls is its 2nd skill) leaves LETTERS for CALLS
#        (real-time before backlog); W1 is on break 11:00-12:00.
#  12:00 calls needs 1 again: X1 (3 blocks then, within 4) returns to LETTERS,
#        where 1 agent-hour is outstanding; Y1 stays on CALLS.
fn -o $T/f.csv 2>$T/err
is "09 Y1" "$(at 09 Y1)" CALLS
is "09 X1" "$(at 09 X1)" LETTERS
is "09 Z1" "$(at 09 Z1)" CHAT
is "11 X1 real-time first" "$(at 11 X1)" CALLS
is "11 W1 break" "$(at 11 W1)" BREAK
is "11 Z1 chat closed: idle" "$(at 11 Z1)" IDLE
is "12 X1 back to letters" "$(at 12 X1)" LETTERS
is "13 only W1" "$(grep -c '^2026-11-23T13:00,' $T/f.csv)" 1
is "rows" "$(($(wc -l <$T/f.csv) - 1))" 17
# letters: 5 agent-hours arrive (09..13), X1 works 3 of them -> 2 outstanding
ok "letters outstanding" grep -q "LETTERS .*arrived 5.0, done 3.0 (assigned 3.0, spare 0.0) agent-hours; outstanding at end of day 2.0" $T/err
# --max-blocks 1: X1 cannot switch, so calls is 1 short at 11:00
fn --max-blocks 1 --shortfall $T/s.csv -o $T/f.csv 2>/dev/null
is "max-blocks 1: X1 keeps letters" "$(at 11 X1)" LETTERS
is "max-blocks 1: calls short at 11" "$(grep '^2026-11-23T11:00,CALLS,' $T/s.csv)" "2026-11-23T11:00,CALLS,2.00,1.00,1.00"
# 15-minute grid: 4 rows per agent-hour
fn --step 15 -o $T/f15.csv 2>/dev/null
is "15-min rows" "$(($(wc -l <$T/f15.csv) - 1))" 68
fn --view -o $T/v.txt
ok "view row" grep -Eq '^X1 +Xenia Letters( +\.){9} +L +L +C +L +\.' $T/v.txt

# The bundled staff and a week roster: every function is one of the agent's
# skills, no agent over 4 blocks, same bytes twice.
R=$FIX/roster
wfm roster $R/plan-week.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv \
	-o $T/r.csv 2>/dev/null
for step in 60 15; do
	wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --date 2026-11-27 --step $step -o $T/a.csv 2>/dev/null
	wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --date 2026-11-27 --step $step -o $T/b.csv 2>/dev/null
	ok "step $step: deterministic" cmp $T/a.csv $T/b.csv
	is "step $step: never unskilled" "$(awk -F, 'FNR == 1 { next } NR == FNR { sk[$1] = "|" toupper($3) "|"; next }
		$4 != "BREAK" && $4 != "IDLE" && !index(sk[$2], "|" $4 "|") { n++ } END { print n + 0 }' $DATA/staff.csv $T/a.csv)" 0
	is "step $step: at most 4 blocks" "$(awk -F, 'NR > 1 && $4 != "BREAK" && $4 != "IDLE" { if (last[$2] != $4) b[$2]++; last[$2] = $4 }
		END { m = 0; for (a in b) if (b[a] > m) m = b[a]; print (m <= 4) }' $T/a.csv)" 1
done
# Real-time before backlog on Black Friday (requirements exceed the roster):
# in no interval where calls (chat) is short does an agent with the calls
# (chat) skill work letters or declarations.
wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --date 2026-11-27 --shortfall $T/s.csv -o $T/a.csv 2>/dev/null
ok "real-time is short that day" awk -F, '$2 == "CALLS" && $5 > 0 { f = 1 } END { exit !f }' $T/s.csv
is "no backlog work while a real-time skill is short" "$(awk -F, 'FILENAME == ARGV[1] { if (FNR > 1) sk[$1] = "|" toupper($3) "|"; next }
	FILENAME == ARGV[2] { if ($5 > 0) short[$1, $2] = 1; next }
	FNR > 1 && ($4 == "LETTERS" || $4 == "DECLARATIONS") {
		if ((short[$1, "CALLS"] && index(sk[$2], "|CALLS|")) || (short[$1, "CHAT"] && index(sk[$2], "|CHAT|"))) n++ }
	END { print n + 0 }' $DATA/staff.csv $T/s.csv $T/a.csv)" 0
# Deadlines: V1 (letters primary, declarations second) alone at 09:00 with 1
# agent of each backlog channel required.  Default deadlines (24 h both):
# letters (slack 24 h) beats declarations (24 h + 1 h for a second skill).
# channels.csv with declarations due in 1 h: slack 1 + 1 = 2 h < 24 h.
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nV1,Vera,letters|declarations,40,4,9,00:00,24:00,\n' >$T/vs.csv
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-23,V1,Vera,09:00,10:00,,\n' >$T/vr.csv
printf 'timestamp,channel,agents,asa_s\n2026-11-23T09:00,letters,1,\n2026-11-23T09:00,declarations,1,\n' >$T/vq.csv
printf 'channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,concurrency,patience_s,deadline_h\nletters,backlog,420,0,0,0,0.3,1,0,24\ndeclarations,backlog,720,0,0,0,0.3,1,0,1\n' >$T/vc.csv
wfm functions $T/vr.csv $T/vq.csv $T/vs.csv --date 2026-11-23 -o $T/v.csv 2>/dev/null
is "deadline 24/24: letters" "$(tail -1 $T/v.csv | cut -d, -f4)" LETTERS
wfm functions $T/vr.csv $T/vq.csv $T/vs.csv --date 2026-11-23 --channels $T/vc.csv -o $T/v.csv 2>$T/err
is "deadline 1 h: declarations" "$(tail -1 $T/v.csv | cut -d, -f4)" DECLARATIONS
# letters' 1 agent-hour arrived at 09:00 is never worked: 15 h old at 24:00
ok "oldest outstanding reported" grep -q "LETTERS .*outstanding at end of day 1.0 agent-hours, oldest 15.0 h (deadline 24 h)" $T/err
ok "--help" wfm functions --help
finish
