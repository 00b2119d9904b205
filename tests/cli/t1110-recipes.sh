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

# cron: each crontab line's command part, run as cron would (sh, % unescaped)
recipe cron >cron.txt
is "cron recipe is two crontab lines" "$(wc -l <cron.txt | tr -d ' ')" 2
cronline() {  # cronline N: command of line N, run in $W
	sed -n "$1p" cron.txt | sed -E 's/^([^ ]+ +){5}//; s/\\%/%/g; s|cd /srv/wfm|cd "$W"|'
}
# dates as the cron lines see them (they run with TZ=Europe/Moscow, where
# "tomorrow" begins at 21:00 UTC)
mdate() { TZ=Europe/Moscow date "$@"; }
d=$(mdate -d tomorrow +%F) m=$(mdate -d 'next monday' +%F)
# on a Sunday "next monday" is tomorrow: the published week then runs to the
# Sunday after (the weekly line, meant for Thursdays, is not run then)
sunday=0; [ "$m" = "$d" ] && { sunday=1; m=$(mdate -d "$d + 7 day" +%F); }
# a plan for every day from tomorrow to the Sunday after next Monday
{ echo date,shift,start,end,break_start,break_end,count
  for i in $(seq 1 14); do x=$(mdate -d "+$i day" +%F); [ "$x" \> "$(mdate -d "$m + 6 day" +%F)" ] && break
    echo "$x,day,08:00,16:00,12:00,12:30,3"; echo "$x,evening,14:00,22:00,18:00,18:30,2"; done; } >plan.csv
cp "$DATA/staff.csv" "$DATA/availability.csv" .
TZ=Europe/Moscow wfm roster plan.csv staff.csv --from "$d" --to "$(mdate -d "$m - 1 day" +%F)" -q -o published.csv
a=$(awk -F, -v d="$d" 'FNR == 1 { f++ } f == 1 && $2 == d { had[$1] = 1 }
	f == 2 && $1 == d && !had[$2] { print $2; exit }' availability.csv published.csv)
echo "$a,$d,Sick" >>availability.csv   # a sick call for tomorrow
W=$W TZ=Europe/Moscow sh -c "$(cronline 1)" > cron.out 2>&1; rc=$?
is "cron daily line exit status" "$rc" 0
is "cron daily line prints nothing (no mail)" "$(cat cron.out)" ""
is "cron roster has 5 people" "$(($(wc -l < "rosters/roster-$d.csv") - 1))" 5
is "the sick agent is off" "$(grep -c ",$a," "rosters/roster-$d.csv")" 0
ok "the change is listed" grep -q "^$d,$a,.*,sick$" "rosters/changes-$d.csv"
ok "cron chart is a PNG" bash -c "head -c 8 'rosters/roster-$d.png' | od -An -c | grep -q 'P   N   G'"
if [ $sunday = 0 ]; then
W=$W TZ=Europe/Moscow sh -c "$(cronline 2)" > cron.out 2>&1; rc=$?
is "cron weekly line exit status" "$rc" 0
is "weekly line appends next week" "$(grep -c "^$m," published.csv)" 5
fi
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
