#!/bin/bash
# t0502-shifts-groups.sh - wfm shifts by skill groups, checked without the
# solver: per cover interval a max-flow groups -> channels over the agents
# working in plan.csv (tests/cli/skills-maxflow.awk) covers every channel;
# coverage.csv's channel rows carry the requirement and the `*` rows their
# sum; the paid hours of the report are those of plan.csv; the LP bounds of
# the three variants are ordered (single pool <= pooled <= specialists:
# each is a relaxation of the next, requirements being whole agents).
# On a generated 5-channel, 6-group day (bench/gen-multiskill.sh, small
# scale) and on the demo fixture's Black Friday with the groups of
# data/staff.csv (fractional requirements).
. "$(dirname "$0")/lib.sh"
export TZ=UTC
MF=$ROOT/tests/cli/skills-maxflow.awk CIVIL=$FIX/roster/civil.awk
sh "$ROOT/bench/gen-multiskill.sh" "$T/g" 0.3
wfm shifts "$T/g/requirements.csv" --rules "$T/g/rules.csv" --groups "$T/g/groups.csv" \
	--date 2026-11-24 --break-step 30 --coverage "$T/cov.csv" --compare --time-limit 3 \
	-o "$T/plan.csv" 2>"$T/report.txt"
is "exit status" $? 0
is "plan header" "$(head -n 1 "$T/plan.csv")" "date,shift,start,end,break_start,break_end,count,group"
is "coverage header" "$(head -n 1 "$T/cov.csv")" "timestamp,channel,required,scheduled,over,under"
is "coverage rows: 96 quarter-hours x (5 channels + total)" "$(($(wc -l <"$T/cov.csv") - 1))" 576
flow=$(awk -F, -v FIRST=2026-11-24 -v NDAYS=1 -v STEP=15 -v REQSTEP=15 -f "$CIVIL" -f "$MF" \
	"$T/g/groups.csv" "$T/g/requirements.csv" "$T/plan.csv" | tail -n 1)
is "max-flow: every channel covered in every interval" "${flow% shifts*}" "cells 96 short 0 deficit 0"
bad=$(awk -F, 'FNR == NR { if (FNR > 1 && substr($1, 1, 10) == "2026-11-24") R[$1 "," $2] = $6; next }
	FNR == 1 { next }
	$2 != "*" { S[$1] += $3; if ($3 != R[$1 "," $2] + 0) print "required " $1 " " $2
		    if ($4 < $3 - 1e-9 || $6 != 0) print "under " $1 " " $2; next }
	$3 != S[$1] { print "total " $1 }' "$T/g/requirements.csv" "$T/cov.csv" | head -n 3)
is "coverage: channel rows = agents_gross, covered, * = their sum" "$bad" ""
paid=$(awk -F, 'function hm(s, a) { split(s, a, ":"); return a[1] * 60 + a[2] }
	NR > 1 { l = (hm($4) - hm($3) + 1440) % 1440; if ($5 != "") l -= (hm($6) - hm($5) + 1440) % 1440
		 h += l * $7 / 60 } END { printf "%.2f", h }' "$T/plan.csv")
is "paid hours in the report = plan.csv's" "$(awk '/^  paid hours/ { print $3 }' "$T/report.txt")" "$paid"
lb() { awk -v v="$1" '$1 == "variant" && index($0, v) { gsub(/[(,]/, " "); print $(NF - 4) }' "$T/report.txt"; }
p=$(lb "pooled groups") s=$(lb "specialists only") o=$(lb "single pool")
ok "three variants reported ($o <= $p <= $s)" awk -v o="$o" -v p="$p" -v s="$s" \
	'BEGIN { exit !(o != "" && p != "" && s != "" && o <= p + 1e-6 && p <= s + 1e-6) }'
is "six groups reported" "$(grep -c '^  group ' "$T/report.txt")" 6

# Demo fixture, Black Friday, groups of data/staff.csv; the checker gets the
# groups from plan.csv (derived group names are their skills).
export TZ=Europe/Moscow
wfm shifts "$FIX/shifts/requirements.csv" --rules "$DATA/rules.csv" --staff "$DATA/staff.csv" \
	--date 2026-11-27 --coverage "$T/cov2.csv" --time-limit 3 -o "$T/plan2.csv" 2>"$T/report2.txt"
is "demo day: exit status" $? 0
{ echo group,skills; awk -F, 'NR > 1 { print $8 "," $8 }' "$T/plan2.csv" | sort -u; } >"$T/groups2.csv"
flow=$(awk -F, -v FIRST=2026-11-27 -v NDAYS=1 -v STEP=30 -v REQSTEP=60 -f "$CIVIL" -f "$MF" \
	"$T/groups2.csv" "$FIX/shifts/requirements.csv" "$T/plan2.csv" | tail -n 1)
is "demo day: max-flow covers every channel" "$(echo "$flow" | awk '{ print $3, $4 }')" "short 0"
ok "demo day: every channel row of coverage.csv covered" awk -F, \
	'NR > 1 && $2 != "*" { n++; if ($4 < $3 - 1e-6) bad++ } END { exit !(n == 48 * 4 && !bad) }' "$T/cov2.csv"

# A tampered plan fails the checker: the universal agents made calls-only.
sed 's/,universal$/,calls/' "$T/plan.csv" >"$T/bad.csv"
flow=$(awk -F, -v FIRST=2026-11-24 -v NDAYS=1 -v STEP=15 -v REQSTEP=15 -f "$CIVIL" -f "$MF" \
	"$T/g/groups.csv" "$T/g/requirements.csv" "$T/bad.csv" | tail -n 1)
ok "the checker sees a tampered plan" test "$(echo "$flow" | awk '{ print $4 }')" -gt 0

# Pooling by hand: calls and chat need 1.5 agents each 08:00-16:00, one
# 8-h shift at 08:00.  Cross-skilled agents: 3 people (24 h); specialists
# need 2 + 2 (32 h); the single pool ceil(3) = 3 (24 h).
awk 'BEGIN { print "timestamp,channel,agents_gross"
	for (h = 0; h < 24; h++) for (c = 1; c <= 2; c++)
		printf "2026-11-24T%02d:00,%s,%s\n", h, (c == 1 ? "calls" : "chat"), ((h >= 8 && h < 16) ? 1.5 : 0) }' >"$T/r3.csv"
printf 'name,lengths_h,earliest_start,latest_start,step_min,break_after_h,break_min,days\nday,8,08:00,08:00,60,9,30,all\n' >"$T/rules3.csv"
printf 'group,skills\nblend,calls|chat\n' >"$T/groups3.csv"
wfm shifts "$T/r3.csv" --rules "$T/rules3.csv" --groups "$T/groups3.csv" --compare --tz UTC -o "$T/plan3.csv" 2>"$T/report3.txt"
is "by hand: 3 cross-skilled people" "$(tail -n 1 "$T/plan3.csv")" "2026-11-24,day,08:00,16:00,,,3,blend"
is "by hand: paid hours of the three variants" \
	"$(awk '$1 == "variant" { sub(/ *\(.*/, ""); printf "%s ", $NF }' "$T/report3.txt")" "24.00 32.00 24.00 "

# Limits by hand on the same case: blend with max_agents 0 leaves
# specialists, 2 + 2; calls with min_share 0.5 needs 2 of the 4 shifts
# (calls 1 + blend 2 would be 1/3), the other two go to the narrowest
# group that keeps the cover: chat.  Without limits, 3 people as above,
# narrowed to 1 calls + 1 chat + 1 blend (the blend agent splits 0.5/0.5).
printf 'group,skills,max_agents,min_share\nblend,calls|chat,0,\ncalls,calls,,\nchat,chat,,\n' >"$T/gmax.csv"
printf 'group,skills,max_agents,min_share\nblend,calls|chat,,\ncalls,calls,,0.5\nchat,chat,,\n' >"$T/gshare.csv"
wfm shifts "$T/r3.csv" --rules "$T/rules3.csv" --groups "$T/gmax.csv" --tz UTC -q -o "$T/pmax.csv"
is "max_agents 0: specialists" "$(awk -F, 'NR > 1 { printf "%s:%s ", $8, $7 }' "$T/pmax.csv")" "calls:2 chat:2 "
wfm shifts "$T/r3.csv" --rules "$T/rules3.csv" --groups "$T/gshare.csv" --tz UTC -q -o "$T/pshare.csv"
is "min_share 0.5: half calls" "$(awk -F, 'NR > 1 { printf "%s:%s ", $8, $7 }' "$T/pshare.csv")" "calls:2 chat:2 "
printf 'group,skills\nblend,calls|chat\ncalls,calls\nchat,chat\n' >"$T/g3.csv"
wfm shifts "$T/r3.csv" --rules "$T/rules3.csv" --groups "$T/g3.csv" --tz UTC -q -o "$T/p3.csv"
is "narrowest groups that cover" "$(awk -F, 'NR > 1 { printf "%s:%s ", $8, $7 }' "$T/p3.csv")" "blend:1 calls:1 chat:1 "

# Without groups nothing changes: the plan has no group column.
wfm shifts "$T/g/requirements.csv" --rules "$T/g/rules.csv" --date 2026-11-24 --tz UTC -q -o "$T/plan0.csv"
is "single pool: no group column" "$(head -n 1 "$T/plan0.csv")" "date,shift,start,end,break_start,break_end,count"
finish
