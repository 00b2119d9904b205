#!/bin/sh
# b0400-staff.sh - wfm-staff on one year of 15-minute intervals x 4 channels
# (140,160 interval computations: the last 365 days of the bundled hourly
# history, each hour split into 4 quarter-hours), and on the same with
# volumes x 100 (calls up to ~1,000 Erlangs).  Best of 3, whole program
# (CSV in and out included); CPU seconds (user + sys) since the machine is
# shared and elapsed time is noisy; elapsed shown too.  Then wfm-simulate
# on one week of calls.
set -eu
B=${BENCH_TMP:-/tmp}
H=data/history.csv
awk -F, -v k=1 'NR==1{print "timestamp,channel,volume,aht_s,volume_lo,volume_hi"; next}
	$1>="2025-11-23" { d=substr($1,1,14); for (q=0;q<4;q++) printf "%s%02d,%s,%.2f,%s,,\n", d, q*15, $2, k*$3/4, $4 }' \
	$H > $B/fc15.csv
awk -F, 'NR==1{print; next} {OFS=","; $3=$3*100; print}' $B/fc15.csv > $B/fc15x100.csv
rows=$(($(wc -l < $B/fc15.csv) - 1))
t() { /usr/bin/time -f '%U %S %e %M' "$@" 2>&1 >/dev/null | tail -n 1 |
	awk '{printf "%.2f %.2f %s", $1+$2, $3, $4}'; }
for f in fc15 fc15x100; do
	best=999
	for i in 1 2 3; do
		r=$(t env TZ=Europe/Moscow bin/wfm-staff $B/$f.csv --channels data/channels.csv -o $B/req.csv)
		set -- $r
		[ "$(awk -v a="$best" -v b="$1" 'BEGIN{print (b<a)}')" = 1 ] && { best=$1; el=$2; rss=$3; }
	done
	echo "staff_1y_15min_4ch_$f: $best s CPU ($el s elapsed) for $rows intervals ($(awk -v r=$rows -v s=$best 'BEGIN{printf "%.0f", r/(s>0?s:0.01)}') intervals/s, peak RSS $rss KiB)"
done
TZ=Europe/Moscow bin/wfm-staff $B/fc15.csv --channels data/channels.csv -o $B/req.csv
awk -F, 'NR==1 || ($2=="calls" && $1>="2026-11-16")' $B/req.csv > $B/req-week.csv
r=$(t env TZ=Europe/Moscow bin/wfm-simulate $B/req-week.csv --channels data/channels.csv --channel calls --replications 100)
echo "simulate_week_calls_15min_100reps: ${r%% *} s CPU"
