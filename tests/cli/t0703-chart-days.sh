#!/bin/bash
# t0703-chart-days.sh - wfm chart roster and functions take the day options
# every program that works on days has: --date, --week, --from/--to.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
C=$FIX/chart
# The roster fixture has one week; --week of it equals no filter, a day is a day.
wfm chart roster $C/roster.csv -o $T/all.png
wfm chart roster $C/roster.csv --week 2026-11-23 -o $T/week.png
ok "roster --week = the whole week" cmp $T/all.png $T/week.png
wfm chart roster $C/roster.csv --from 2026-11-23 --to 2026-11-29 -o $T/ft.png
ok "roster --from/--to = the whole week" cmp $T/all.png $T/ft.png
wfm chart roster $C/roster.csv --from 2026-11-24 --to 2026-11-25 -o $T/two.png
is "roster two days differ" "$(cmp -s $T/all.png $T/two.png; echo $?)" 1
wfm chart roster $C/roster.csv --week 2030-01-07 -o $T/none.png 2>$T/err
is "no shifts that week" "$?:$(cat $T/err)" "1:wfm-chart: $C/roster.csv: no shifts on 2030-01-07 to 2030-01-13"
wfm chart functions $C/functions.csv --week 2026-11-23 -o $T/f.png
ok "functions --week" test -s $T/f.png
wfm chart forecast $C/forecast.csv --week 2026-11-23 -o $T/x.png 2>$T/err
is "forecast --week: usage error" "$?" 2
wfm chart roster $C/roster.csv --from 2026-11-23 -o $T/x.png 2>$T/err
is "--from without --to" "$?:$(head -1 $T/err)" "2:wfm-chart: --from and --to go together"
finish
