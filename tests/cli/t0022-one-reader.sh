#!/bin/bash
# t0022-one-reader.sh - issue 20's three inconsistencies, each format now read
# by its one owner, so the two programs that read it agree (same verdict,
# same file:line: column: message):
#   roster.csv, break starting with the shift - wfm chart roster vs wfm roster --previous
#                                               (lib/plan.c wfm_plan_times)
#   events.csv, effect_days_before=45          - wfm chart forecast vs wfm forecast
#                                               (lib/events.c, 0..31 days)
#   channels.csv, kind=bogus_kind, no aht_s    - wfm functions vs wfm staff
#                                               (lib/channels.c)
. "$(dirname "$0")/lib.sh"
R=$FIX/roster

# the message after "wfm-PROG: "
msg() { sed 's/^wfm-[a-z]*: //' "$1"; }
both_reject() {   # DESC WANT-PATTERN: $T/e1 and $T/e2 from the two programs
	local d=$1 pat=$2
	is "$d: first exit" "$rc1" 1
	is "$d: second exit" "$rc2" 1
	ok "$d: first message" grep -Eq -- "$pat" $T/e1
	is "$d: the same message" "$(msg $T/e1)" "$(msg $T/e2)"
}

# 1. a break that starts when the shift starts is not inside the shift
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-22,A1,Ann,09:00,17:00,09:00,09:30\n' >$T/prev.csv
wfm chart roster $T/prev.csv -o $T/c.png 2>$T/e1; rc1=$?
printf 'date,shift,start,end,break_start,break_end,count\n2026-11-23,day,09:00,18:00,,,1\n' >$T/p.csv
wfm roster $T/p.csv $R/staff1.csv --date 2026-11-23 --previous $T/prev.csv -o $T/r.csv 2>$T/e2; rc2=$?
both_reject "break at shift start" "prev\.csv:2: break_start: break is not inside the shift"
ok "no chart written" test ! -e $T/c.png
# and the same roster with the break 30 min in passes both
sed -i 's/09:00,09:30$/09:30,10:00/' $T/prev.csv
ok "break inside: chart" wfm chart roster $T/prev.csv -o $T/c.png
ok "break inside: roster --previous" wfm roster $T/p.csv $R/staff1.csv --date 2026-11-23 --previous $T/prev.csv -o $T/r.csv

# 2. effect_days_before=45 is outside 0..31
printf 'date,name,effect_days_before,effect_days_after\n2026-11-25,Sale,45,0\n' >$T/ev.csv
wfm chart forecast $FIX/chart/forecast.csv --events $T/ev.csv -o $T/f.png 2>$T/e1; rc1=$?
wfm forecast $DATA/history.csv --horizon 7d --events $T/ev.csv -o $T/f.csv 2>$T/e2; rc2=$?
both_reject "effect_days_before=45" "ev\.csv:2: effect_days_before: 45 is not between 0 and 31"
sed -i 's/,45,/,31,/' $T/ev.csv
ok "31 days: chart" wfm chart forecast $FIX/chart/forecast.csv --events $T/ev.csv -o $T/f.png

# 3. channels.csv with an unknown kind and no aht_s column
printf 'channel,kind,deadline_h\ncalls,bogus_kind,24\n' >$T/ch.csv
F=$FIX/functions
wfm functions $F/roster.csv $F/req.csv $F/staff.csv --date 2026-11-23 --channels $T/ch.csv -o $T/fn.csv 2>$T/e1; rc1=$?
wfm staff $FIX/staff/forecast.csv --channels $T/ch.csv -o $T/s.csv 2>$T/e2; rc2=$?
both_reject "kind=bogus_kind, no aht_s" "ch\.csv.*aht_s"
# with every column, the bogus kind is named by both
printf 'channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,concurrency,patience_s,deadline_h\ncalls,bogus_kind,300,0.8,20,0.85,0.3,1,0,0\n' >$T/ch.csv
wfm functions $F/roster.csv $F/req.csv $F/staff.csv --date 2026-11-23 --channels $T/ch.csv -o $T/fn.csv 2>$T/e1; rc1=$?
wfm staff $FIX/staff/forecast.csv --channels $T/ch.csv -o $T/s.csv 2>$T/e2; rc2=$?
both_reject "kind=bogus_kind" 'ch\.csv:2: kind: unknown kind "bogus_kind"'
finish
