#!/bin/bash
# t0611-functions-spread.sh - a real-time shortfall is shared between the
# real-time channels (water filling on the covered share), worked by hand.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
# Two agents with calls|chat (calls primary) on 09:00-10:00; calls needs 2,
# chat needs 2.  Filling calls first would give calls 2/2 and chat 0/2; the
# lowest covered share first gives calls 1/2, chat 1/2.  With chat needing
# 4: after calls 1/2 (50 %) and chat 0/4, the second agent goes to chat
# (0 % < 50 %): calls 1, chat 1 again; with chat 1 and calls 4, the first
# goes to calls (0/4 < 0/1 tie broken by channel order: calls), then chat
# (0/1 < 1/4): calls 1, chat 1.
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nX1,One,calls|chat,40,1,9,00:00,24:00,\nX2,Two,calls|chat,40,1,9,00:00,24:00,\n' >$T/s.csv
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-23,X1,One,09:00,10:00,,\n2026-11-23,X2,Two,09:00,10:00,,\n' >$T/r.csv
req() { printf 'timestamp,channel,agents\n2026-11-23T09:00,calls,%s\n2026-11-23T09:00,chat,%s\n' "$1" "$2" >$T/q.csv; }
for c in "2 2" "2 4" "4 1"; do
	req $c
	wfm functions $T/r.csv $T/q.csv $T/s.csv --date 2026-11-23 -o $T/f.csv 2>/dev/null
	is "calls,chat = $c: one each" "$(grep T09:00 $T/f.csv | cut -d, -f4 | sort | tr '\n' ' ')" "CALLS CHAT "
done
# Enough for both: 1 and 1 needed -> primary skill, still one each; 1 and 0
# -> the second agent is new and nothing real-time is short: backlog is
# absent, so its primary skill (CALLS).
req 1 0
wfm functions $T/r.csv $T/q.csv $T/s.csv --date 2026-11-23 -o $T/f.csv 2>/dev/null
is "calls 1, chat 0: both calls" "$(grep T09:00 $T/f.csv | cut -d, -f4 | sort | tr '\n' ' ')" "CALLS CALLS "
finish
