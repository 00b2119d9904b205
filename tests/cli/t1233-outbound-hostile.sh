#!/bin/bash
# t1233-outbound-hostile.sh - wfm outbound on campaigns shaped to break it
# (issues 22.5, 22.6, 19.8):
#  - a deadline months away spreads the work to 0.01 of a dial an interval:
#    the plan still lists every dial (whole dials, earliest first) and the
#    report counts what the file holds;
#  - --retry-gap 100000w is a retry that never comes inside the plan: it
#    runs at once in small memory (buffers sized from the plan);
#  - two regions of one zone, deadline and priority under a small capacity
#    share it in proportion to their work (before: the first got all).
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
printf 'campaign,region,tz,records,deadline,window_start,window_end,priority\nsurvey,Moscow,Europe/Moscow,100,2027-06-01T18:00,09:00,21:00,1\n' >"$T/far.csv"
wfm outbound "$T/far.csv" --from 2026-11-23 -o "$T/far-plan.csv" 2>"$T/far.err"
is "far deadline: exit" $? 0
rows=$(($(wc -l <"$T/far-plan.csv") - 1))
ok "far deadline: the plan has dials ($rows rows)" test "$rows" -gt 100
sum=$(awk -F, 'NR > 1 { s += $4 } END { print s + 0 }' "$T/far-plan.csv")
rep=$(sed -n 's/^wfm-outbound: \([0-9]*\) dials,.*/\1/p' "$T/far.err")
is "far deadline: report counts the dials written" "$rep" "$sum"
is "far deadline: whole dials" "$(awk -F, 'NR > 1 && $4 != int($4)' "$T/far-plan.csv" | wc -l)" 0
# 100 records, 3 attempts: at least 100 dials, at most 300
ok "far deadline: 100..300 dials ($sum)" awk -v s="$sum" 'BEGIN { exit !(s >= 100 && s <= 300) }'
ok "far deadline: first dial on the first morning" grep -q '^2026-11-23T09:00,survey,Moscow,1,' "$T/far-plan.csv"

F=$FIX/outbound
/usr/bin/env time -f '%M' -o "$T/mem" true 2>/dev/null && timed=1 || timed=0
start=$(date +%s)
if [ $timed = 1 ]; then
	/usr/bin/env time -f '%M' -o "$T/mem" "$BIN/wfm-outbound" $F/campaigns.csv --from 2026-11-23 \
		--retry-gap 100000w -o "$T/gap.csv" 2>/dev/null
else
	wfm outbound $F/campaigns.csv --from 2026-11-23 --retry-gap 100000w -o "$T/gap.csv" 2>/dev/null
fi
is "--retry-gap 100000w: exit" $? 0
ok "--retry-gap 100000w: within 10 s" test $(($(date +%s) - start)) -le 10
[ $timed = 1 ] && ok "--retry-gap 100000w: under 100 MB ($(cat "$T/mem") KB)" test "$(tail -1 "$T/mem")" -lt 100000
# a gap past the plan's end (5 days, through the last deadline) is a retry
# that never comes: the same plan as a gap of 6 days
wfm outbound $F/campaigns.csv --from 2026-11-23 --retry-gap 6d -o "$T/six.csv" 2>/dev/null
ok "--retry-gap 100000w = --retry-gap 6d (past the plan)" cmp -s "$T/gap.csv" "$T/six.csv"

printf 'campaign,region,tz,records,deadline,window_start,window_end,priority\nsurvey,North,Europe/Moscow,150,2026-11-23T21:00,09:00,21:00,1\nsurvey,South,Europe/Moscow,150,2026-11-23T21:00,09:00,21:00,1\n' >"$T/tie.csv"
for m in progressive predictive; do
	wfm outbound "$T/tie.csv" --from 2026-11-23 --mode $m --agents 0.5 -o "$T/tie.csv.$m" 2>"$T/tie.err"
	n=$(awk -F, '$3 == "North" { s += $4 } END { print s + 0 }' "$T/tie.csv.$m")
	s=$(awk -F, '$3 == "South" { s += $4 } END { print s + 0 }' "$T/tie.csv.$m")
	ok "$m: equal regions get equal dials (North $n, South $s)" awk -v a="$n" -v b="$s" \
		'BEGIN { exit !(a > 0 && b > 0 && (a - b) <= 1 && (b - a) <= 1) }'
	is "$m: both regions short by the same records" \
		"$(sed -n 's/.*survey\/\(North\|South\): \([0-9]*\) of 150.*/\2/p' "$T/tie.err" | sort -u | wc -l)" 1
	ok "$m: more agent-hours needed is stated and positive" \
		grep -Eq 'shortfall total: [0-9]+ records in 2 region\(s\); [0-9]*[1-9][0-9]*\.[0-9]+ more agent-hours' "$T/tie.err"
done
finish
