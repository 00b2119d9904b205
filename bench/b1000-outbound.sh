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
t() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -n 1; }
best() {
	b=999
	for i in 1 2 3; do
		r=$(t "$@"); s=${r% *}
		b=$(awk -v a="$b" -v c="$s" 'BEGIN{print (c<a)?c:a}')
	done
	echo "$b ${r#* }"
}
jobs=$(($(wc -l < "$D/campaigns.csv") - 1))
r=$(best bin/wfm-outbound "$D/campaigns.csv" --tz Europe/Moscow --from 2026-11-23 --days 14 --mode predictive -o "$D/plan.csv")
echo "outbound_min_agents_14d: ${r% *} s for $jobs jobs x 1344 intervals (no capacity: bisection, predictive; peak RSS ${r#* } KiB)"
r=$(best bin/wfm-outbound "$D/campaigns.csv" --tz Europe/Moscow --from 2026-11-23 --days 14 --agents 300 -o "$D/plan300.csv")
echo "outbound_capacity_14d: ${r% *} s for $jobs jobs x 1344 intervals (--agents 300, progressive; peak RSS ${r#* } KiB)"
echo "outbound_plan_rows: $(($(wc -l < "$D/plan.csv") - 1)) rows (no-capacity plan)"
