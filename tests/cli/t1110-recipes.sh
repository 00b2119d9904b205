#!/bin/bash
# t1110-recipes.sh - run every README recipe (the fenced block after each
# "<!-- recipe: NAME -->" marker) against the bundled data, with wfm on
# PATH, in a scratch directory laid out as the recipe expects.
. "$(dirname "$0")/lib.sh"
export PATH=$BIN:$PATH
recipe() {  # the shell lines of recipe $1, comments dropped
	awk -v name="$1" '
		$0 ~ "<!-- recipe: " name " -->" { want = 1; next }
		want && /^```/ { if (inside) exit; inside = 1; next }
		inside && !/^#/ { print }' "$ROOT/README.md"
}
W=$T/site; mkdir -p "$W/rosters" && cd "$W" || exit 1
ln -s "$DATA" data

# cron: the crontab line's command part, run as cron would (sh, % unescaped)
line=$(recipe cron)
cmd=$(printf '%s\n' "$line" | sed -E 's/^([^ ]+ +){5}//; s/\\%/%/g; s|cd /srv/wfm|cd "$W"|')
is "cron recipe is one crontab line" "$(printf '%s\n' "$line" | wc -l | tr -d ' ')" 1
d=$(date -d tomorrow +%F)
# tomorrow's plan: one day shift pattern repeated from a tiny plan
printf 'date,shift,start,end,break_start,break_end,count\n%s,day,08:00,16:00,12:00,12:30,3\n%s,evening,14:00,22:00,18:00,18:30,2\n' "$d" "$d" > plan.csv
cp "$DATA/staff.csv" "$DATA/availability.csv" .
W=$W TZ=Europe/Moscow sh -c "$cmd" > cron.out 2>&1; rc=$?
is "cron recipe exit status" "$rc" 0
is "cron recipe prints nothing (no mail)" "$(cat cron.out)" ""
is "cron roster has 5 people" "$(($(wc -l < "rosters/roster-$d.csv") - 1))" 5
ok "cron chart is a PNG" bash -c "head -c 8 'rosters/roster-$d.png' | od -An -c | grep -q 'P   N   G'"
is "no temporary files left" "$(ls -A rosters | grep -c '^\.')" 0

# pipeline: stdin/stdout all the way
recipe pipeline > pipeline.sh
sh pipeline.sh; rc=$?
is "pipeline recipe exit status" "$rc" 0
ok "pipeline wrote a plan" grep -q '^2026-11-24,' plan.csv

# json
out=$(sh -c "$(recipe json)")
is "json recipe" "$out" "calls $(awk -F, 'NR>1 && $2=="calls" {v+=$3} END {printf "%d", v/728 + 0.5}' "$DATA/history.csv")"

# parallel
sh -c "$(recipe parallel)"; rc=$?
is "parallel recipe exit status" "$rc" 0
ok "parallel: calls forecast" grep -q ',calls,' forecast-calls.csv
ok "parallel: chat forecast" grep -q ',chat,' forecast-chat.csv
finish
