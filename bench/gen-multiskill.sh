#!/bin/sh
# gen-multiskill.sh DIR [SCALE] - a generated multi-skill center for the
# shift planner by skill groups: one week (2026-11-23..29) at 15-minute
# intervals, 5 channels, 6 skill groups, rules with day, evening and night
# shifts.  SCALE 1.85 (default) is a center of about 900 agents (36 000
# paid hours a week, peaks of ~600 on shift); smaller scales make small
# instances for tests.
# Writes DIR/requirements.csv, DIR/groups.csv, DIR/rules.csv; times are
# naive (read them with --tz UTC).
#   calls      24/7, humps at 11:30 and 17:30
#   chat       closed 01:00-07:00
#   email      08:00-20:00
#   disputes   09:00-21:00
#   social     08:00-23:00
# Requirements are whole agents (agents_gross), weekends at 75%.
set -eu
dir=$1 scale=${2:-1.85}
mkdir -p "$dir"
awk -v S="$scale" 'BEGIN {
	print "timestamp,channel,volume,aht_s,agents,agents_gross,service_level,asa_s,occupancy"
	split("calls chat email disputes social", ch, " ")
	for (d = 0; d < 7; d++) for (q = 0; q < 96; q++) {
		h = q / 4 + 0.125
		w = d >= 5 ? 0.75 : 1
		v[1] = 12 + 140 * exp(-((h - 11.5) ^ 2) / 8) + 110 * exp(-((h - 17.5) ^ 2) / 6)
		v[2] = (h >= 1 && h < 7) ? 0 : 6 + 70 * exp(-((h - 14) ^ 2) / 18) + 40 * exp(-((h - 21) ^ 2) / 4)
		v[3] = (h >= 8 && h < 20) ? 10 + 35 * exp(-((h - 12) ^ 2) / 10) : 0
		v[4] = (h >= 9 && h < 21) ? 6 + 22 * exp(-((h - 15) ^ 2) / 12) : 0
		v[5] = (h >= 8 && h < 23) ? 4 + 16 * exp(-((h - 19) ^ 2) / 10) : 0
		for (c = 1; c <= 5; c++) {
			g = v[c] * w * S
			g = g > 0 ? int(g + 0.999) : 0
			printf "2026-11-%02dT%02d:%02d,%s,0,0,0,%d,0,0,0\n", 23 + d, int(q / 4), (q % 4) * 15, ch[c], g
		}
	}
}' > "$dir/requirements.csv"
cat > "$dir/groups.csv" <<'G'
group,skills,max_agents,min_share
calls,calls,,
chat,chat,,
calls+chat,calls|chat,,
back office,email|disputes,,
chat+social,chat|social,,
universal,calls|chat|email|disputes|social,,
G
cat > "$dir/rules.csv" <<'R'
name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days
day,4|8|9,06:00,14:00,30,6,30,all
evening,4|8,14:00,18:00,30,6,30,all
night,8|9,21:00,23:00,30,6,30,all
R
