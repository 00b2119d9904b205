#!/bin/sh
# b1000-outbound.sh - wfm-outbound on 100 campaigns x 50 regions (5,000
# jobs in 25 zones from UTC-8 to UTC+12), 14 days at 15-minute intervals:
# the leveled plan with no capacity (bisection on the agents: about 20
# whole-horizon passes) and a capacity-limited plan, best of 3 each.
set -eu
D=${BENCH_TMP:-/tmp}/b1000
mkdir -p "$D"
awk 'BEGIN {
	split("Europe/Moscow Europe/Kaliningrad Europe/Samara Asia/Yekaterinburg Asia/Omsk " \
	      "Asia/Novosibirsk Asia/Krasnoyarsk Asia/Irkutsk Asia/Yakutsk Asia/Vladivostok " \
	      "Asia/Magadan Asia/Kamchatka Europe/Berlin Europe/London America/New_York " \
	      "America/Chicago America/Denver America/Los_Angeles Asia/Tokyo Asia/Shanghai " \
	      "Asia/Kolkata Asia/Dubai Australia/Sydney Europe/Istanbul Asia/Almaty", z, " ")
	print "campaign,region,tz,records,deadline,window_start,window_end,priority"
	srand(1000)
	for (c = 1; c <= 100; c++)
		for (r = 1; r <= 50; r++) {
			day = 1 + int(rand() * 13); ws = 8 + int(rand() * 3); we = ws + 9 + int(rand() * 4)
			d = 23 + day; m = 11; if (d > 30) { d -= 30; m = 12 }
			printf "c%03d,r%02d,%s,%d,2026-%02d-%02dT%02d:00,%02d:00,%02d:00,%d\n", c, r, z[1 + (r - 1) % 25],
				50 + int(rand() * 500), m, d, we, ws, we, 1 + int(rand() * 3)
		}
}' > "$D/campaigns.csv"
# Best of 3 of elapsed and user CPU seconds (the machine may be shared:
# user CPU is the steadier figure).
t() { /usr/bin/time -f '%e %U %M' "$@" 2>&1 >/dev/null | tail -n 1; }
best() {
	be=999 bu=999
	for i in 1 2 3; do
		set -- $(t "$@") "$@"
		be=$(awk -v a="$be" -v c="$1" 'BEGIN{print (c<a)?c:a}')
		bu=$(awk -v a="$bu" -v c="$2" 'BEGIN{print (c<a)?c:a}')
		rss=$3; shift 3
	done
	echo "$be $bu $rss"
}
jobs=$(($(wc -l < "$D/campaigns.csv") - 1))
# Loading alone (25 zones opened through lib/tz.c): the same file with a
# bad last row fails after reading and opening everything.
{ cat "$D/campaigns.csv"; echo "x,y,UTC,-1,2026-12-01T00:00,09:00,21:00,1"; } > "$D/load.csv"
set -- $(best bin/wfm-outbound "$D/load.csv" --tz Europe/Moscow --from 2026-11-23 --days 14)
echo "outbound_load_25_zones: $1 s elapsed, $2 s CPU (campaign file and zone tables only)"
set -- $(best bin/wfm-outbound "$D/campaigns.csv" --tz Europe/Moscow --from 2026-11-23 --days 14 --mode predictive -o "$D/plan.csv")
echo "outbound_min_agents_14d: $1 s elapsed, $2 s CPU for $jobs jobs x 1344 intervals (no capacity: level search, predictive; peak RSS $3 KiB)"
set -- $(best bin/wfm-outbound "$D/campaigns.csv" --tz Europe/Moscow --from 2026-11-23 --days 14 --agents 100 -o "$D/plan100.csv")
echo "outbound_capacity_14d: $1 s elapsed, $2 s CPU for $jobs jobs x 1344 intervals (--agents 100, progressive; peak RSS $3 KiB)"
echo "outbound_plan_rows: $(($(wc -l < "$D/plan.csv") - 1)) rows (no-capacity plan)"
