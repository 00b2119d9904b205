#!/bin/sh
# b0800-scaling.sh - how cost grows with history length: wfm-profile on
# 1x, 4x and 16x the bundled history (2 years hourly, 4 channels, 69,888
# rows; copies shifted back by whole 104-week spans with gen-history.sh,
# read in UTC), for each: the run with the least CPU time (user + sys) of
# 3, its wall time, rows/s of CPU and peak RSS (/usr/bin/time -v); then the
# 16x/1x CPU ratio (16 = linear).  One figure per line.
#
# Hook for other programs: add a line to STEPS below, "name|command with
# $H (the Kx history) and $W (a scratch directory)".  A step is skipped
# when its program is not built; a step needing another program's output
# can create it in $W first (e.g. "forecast|... -o $W/f.csv && bin/wfm-staff $W/f.csv ...").
set -eu
: "${BENCH_TMP:=$(mktemp -d)}"
W=$BENCH_TMP/b0800
mkdir -p "$W"
STEPS='profile|bin/wfm-profile $H --tz UTC -o $W/profile.csv
profile-daily|bin/wfm-profile $H --tz UTC --report daily -o $W/daily.csv
profile-summary|bin/wfm-profile $H --tz UTC --report summary -o $W/summary.txt'

# measure CMD: of 3 runs, the one with least CPU: $cpu, $wall (s), $rss (KiB)
measure() {
	cpu="" wall="" rss=""
	for i in 1 2 3; do
		/usr/bin/time -v -o "$W/time" sh -c "exec $1" >/dev/null 2>"$W/err" || { cat "$W/err" >&2; return 1; }
		c=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$W/time")
		w=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$W/time" |
		    awk -F: '{ print (NF == 3 ? $1 * 3600 + $2 * 60 + $3 : $1 * 60 + $2) }')
		m=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$W/time")
		if [ -z "$cpu" ] || awk -v a="$c" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then
			cpu=$c wall=$w rss=$m
		fi
	done
}

for k in 1 4 16; do
	H=$W/history-${k}x.csv
	sh bench/gen-history.sh $k data/history.csv "$H"
	rows=$(($(wc -l < "$H") - 1))
	echo "$STEPS" | while IFS='|' read -r name cmd; do
		prog=$(echo "$cmd" | sed -n 's|^bin/\(wfm-[a-z]*\).*|\1|p')
		[ -x "bin/$prog" ] || { echo "${name}_${k}x: skipped ($prog not built)"; continue; }
		measure "$(eval "echo \"$cmd\"")"
		echo "$name $k $cpu" >> "$W/cpu"
		echo "${name}_${k}x_cpu: $cpu s user+sys, wall $wall s ($rows rows, $(awk -v r=$rows -v s=$cpu 'BEGIN { printf "%.0f", r / (s > 0 ? s : 0.01) }') rows/s)"
		echo "${name}_${k}x_peak_rss: $rss KiB"
	done
done
awk '$2 == 1 { one[$1] = $3 } $2 == 16 { n[++k] = $1; sixteen[$1] = $3 }
END { for (i = 1; i <= k; i++) printf "%s_cpu_16x_over_1x: %.1f (16 = linear)\n", n[i],
	sixteen[n[i]] / (one[n[i]] > 0 ? one[n[i]] : 0.01) }' "$W/cpu"
