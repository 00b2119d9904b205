#!/bin/bash
# t1011-shifts-dst-zones.sh - demand in New York across the 2026-11-01
# fall-back (EDT UTC-4 -> EST UTC-5, a 25-hour day) planned for a center in
# Moscow (UTC+3, no DST).  Requirements: 5 agents 09:00-17:00 New York
# time every day, and 2 agents in both 01:00 hours of Nov 1.
# In Moscow time: Oct 31 09:00 EDT = 16:00 MSK (to 24:00); Nov 1 and 2
# 09:00 EST = 17:00 MSK (to 01:00 next day); Nov 1 01:00 EDT = 08:00 MSK
# and 01:00 EST = 09:00 MSK.  Required agent-hours 3 * 40 + 2 * 2 = 124.
# Shifts of 4 or 8 h from any hour, no breaks: three 8-h blocks of 5 people
# (120 h) and 2 people for 08:00-12:00 (8 h) = 128 paid hours.
. "$(dirname "$0")/lib.sh"
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nany,4|8,00:00,23:00,60,9,30,all\n' > $T/rules.csv
hdr="timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy"
echo "$hdr" > $T/naive.csv
echo "$hdr" > $T/offset.csv
t0=$(date -u -d 2026-10-31T04:00Z +%s)
for k in $(seq 0 72); do
	e=$((t0 + 3600 * k))
	h=$(TZ=America/New_York date -d @$e +%H)
	d=$(TZ=America/New_York date -d @$e +%d)
	v=0
	[ $((10#$h)) -ge 9 ] && [ $((10#$h)) -lt 17 ] && v=5
	[ "$d$h" = 0101 ] && v=2
	echo "$(TZ=America/New_York date -d @$e +%Y-%m-%dT%H:%M),calls,0,0,$v,$v,0.8,20,0.8" >> $T/naive.csv
	echo "$(TZ=America/New_York date -d @$e +%Y-%m-%dT%H:%M%:z),calls,0,0,$v,$v,0.8,20,0.8" >> $T/offset.csv
done
is "25-hour New York day" "$(grep -c '^2026-11-01T' $T/naive.csv)" 25
is "01:00 twice" "$(grep -c '^2026-11-01T01:00,' $T/naive.csv)" 2

# Naive New York times in, the plan in Moscow.
wfm shifts $T/naive.csv --rules $T/rules.csv --tz America/New_York --out-tz Europe/Moscow \
	--no-wrap --coverage $T/cov.csv -o $T/plan.csv 2>$T/err
is "exit" $? 0
r() { awk -F, -v t="$1" '$1 == t { print $2 }' $T/cov.csv; }
is "Oct 31 15:00 MSK" "$(r 2026-10-31T15:00)" 0
is "Oct 31 16:00 MSK = 09:00 EDT" "$(r 2026-10-31T16:00)" 5
is "Oct 31 23:00 MSK = 16:00 EDT" "$(r 2026-10-31T23:00)" 5
is "Nov 1 00:00 MSK = 17:00 EDT" "$(r 2026-11-01T00:00)" 0
is "Nov 1 08:00 MSK = 01:00 EDT" "$(r 2026-11-01T08:00)" 2
is "Nov 1 09:00 MSK = 01:00 EST" "$(r 2026-11-01T09:00)" 2
is "Nov 1 10:00 MSK = 02:00 EST" "$(r 2026-11-01T10:00)" 0
is "Nov 1 16:00 MSK = 08:00 EST" "$(r 2026-11-01T16:00)" 0
is "Nov 1 17:00 MSK = 09:00 EST" "$(r 2026-11-01T17:00)" 5
is "Nov 3 00:00 MSK = 16:00 EST" "$(r 2026-11-03T00:00)" 5
is "Nov 3 01:00 MSK = 17:00 EST" "$(r 2026-11-03T01:00)" 0
is "required agent-hours" "$(awk -F, 'NR > 1 { s += $2 } END { print s }' $T/cov.csv)" 124
is "Moscow days" "$(cut -d, -f1 $T/cov.csv | grep -c T00:00)" 4
ok "paid 128" grep -q "paid hours   128.00" $T/err
# The 8-h blocks start where New York's 09:00 is in Moscow; the 4-h shift
# may start at 06:00-08:00 (all cover 08:00-10:00 at the same cost).
is "plan 8-h" "$(grep ',5$' $T/plan.csv | tr '\n' ' ')" \
	"2026-10-31,any,16:00,00:00,,,5 2026-11-01,any,17:00,01:00,,,5 2026-11-02,any,17:00,01:00,,,5 "
ok "plan 4-h" grep -qE '^2026-11-01,any,0[678]:00,1[012]:00,,,2$' $T/plan.csv
is "under" "$(awk -F, 'NR > 1 && $5 > 0' $T/cov.csv | wc -l)" 0

# The same demand with offsets, read and planned in Moscow: the same plan.
wfm shifts $T/offset.csv --rules $T/rules.csv --tz Europe/Moscow --no-wrap -o $T/plan2.csv 2>/dev/null
is "offsets exit" $? 0
ok "offsets: same plan" cmp $T/plan.csv $T/plan2.csv
finish
