#!/bin/bash
# t0100-profile.sh - wfm-profile end to end, numbers worked out by hand.
. "$(dirname "$0")/lib.sh"
F=$FIX/profile

# --- 1. small.csv (12 rows, UTC), the weekday profile ----------------------
# calls Mon 09:00: 10 (01-05), 14 (01-12) -> mean 12; 10:00: 20, 20 -> 20;
# 11:00: 30, 50 -> 40.  The group's means sum to 72, so shares are 12/72 =
# 0.1667, 20/72 = 0.2778, 40/72 = 0.5556; the mean cell is 72/3 = 24, so
# ratios are 12/24 = 0.5, 20/24 = 0.8333, 40/24 = 1.6667; 2 days each.
# calls Tue (01-06 only): 5 and 15 -> shares 0.25, 0.75; ratios 0.5, 1.5.
# chat Mon 09:00: 0, 2 -> 1; 10:00: 4, 4 -> 4 -> shares 0.2, 0.8, ratios
# 1/2.5 = 0.4, 4/2.5 = 1.6.  Other cells have no data: empty, 0 days.
wfm profile $F/small.csv --tz UTC -o $T/p.csv 2>$T/warn
is "profile exit" $? 0
is "profile rows" "$(wc -l <$T/p.csv)" $((1 + 2 * 7 * 24))
is "header" "$(head -n 1 $T/p.csv)" "channel,group,time,mean,share,ratio,days"
is "cells with data" "$(grep -v ',,,,0$' $T/p.csv | tail -n +2)" "calls,Mon,09:00,12.0000,0.1667,0.5000,2
calls,Mon,10:00,20.0000,0.2778,0.8333,2
calls,Mon,11:00,40.0000,0.5556,1.6667,2
calls,Tue,09:00,5.0000,0.2500,0.5000,1
calls,Tue,10:00,15.0000,0.7500,1.5000,1
chat,Mon,09:00,1.0000,0.2000,0.4000,2
chat,Mon,10:00,4.0000,0.8000,1.6000,2"
is "empty cell" "$(grep '^calls,Wed,09:00' $T/p.csv)" "calls,Wed,09:00,,,,0"
# The grid runs 01-05T09:00 .. 01-12T11:00: 7*24 + 3 = 171 hours; calls has
# 8 rows (163 missing, first 01-05T12:00), chat 4 (167 missing, first 11:00).
is "warnings" "$(cat $T/warn)" "wfm-profile: warning: $F/small.csv: calls: 163 missing intervals (first 2026-01-05T12:00), left out of means
wfm-profile: warning: $F/small.csv: chat: 167 missing intervals (first 2026-01-05T11:00), left out of means"

# --by month: all of it is January.  calls 09:00: (10+5+14)/3 = 9.6667;
# 10:00: (20+15+20)/3 = 18.3333; 11:00: (30+50)/2 = 40; sum 68 -> shares
# 0.1422, 0.2696, 0.5882; mean cell 68/3 -> ratios 0.4265, 0.8088, 1.7647.
wfm profile $F/small.csv --tz UTC --by month -o $T/m.csv 2>/dev/null
is "by month rows" "$(wc -l <$T/m.csv)" $((1 + 2 * 12 * 24))
is "by month calls" "$(grep '^calls,Jan,\(09\|10\|11\):00' $T/m.csv)" "calls,Jan,09:00,9.6667,0.1422,0.4265,3
calls,Jan,10:00,18.3333,0.2696,0.8088,3
calls,Jan,11:00,40.0000,0.5882,1.7647,2"

# --report daily: calls 01-05 = 10+20+30 = 60, 01-06 = 20, 01-12 = 84; chat
# 01-05 = 4, 01-12 = 6; no day is complete; days without rows are empty.
wfm profile $F/small.csv --tz UTC --report daily -o $T/d.csv 2>/dev/null
is "daily rows" "$(wc -l <$T/d.csv)" $((1 + 8 * 2))
is "daily" "$(grep -E '^2026-01-(05|06|07|12),' $T/d.csv)" "2026-01-05,Mon,calls,60,0
2026-01-05,Mon,chat,4,0
2026-01-06,Tue,calls,20,0
2026-01-06,Tue,chat,,0
2026-01-07,Wed,calls,,0
2026-01-07,Wed,chat,,0
2026-01-12,Mon,calls,84,0
2026-01-12,Mon,chat,6,0"

# --- 2. four complete weeks, made by formula ---------------------------------
# Mon 2026-01-05 .. Sun 2026-02-01, UTC, hourly.  calls in week k (0..3) on
# a day with weight m (2 on Mondays, else 1): 0 from 23:00 to 06:59, 128*m*1.25^k
# at 12:00, 64*m*1.25^k at the other 15 open hours.  chat: 10 every hour.
awk 'BEGIN { print "timestamp,channel,volume"
  for (d = 0; d < 28; d++) {
    date = d < 27 ? sprintf("2026-01-%02d", 5 + d) : "2026-02-01"
    k = int(d / 7); m = d % 7 == 0 ? 2 : 1
    for (h = 0; h < 24; h++) {
      b = (h >= 7 && h <= 22) ? (h == 12 ? 128 : 64) : 0
      printf "%sT%02d:00,calls,%d\n", date, h, b * m * 1.25 ^ k
      printf "%sT%02d:00,chat,10\n", date, h } } }' >$T/w.csv
# Day total = 1088*m*1.25^k (15*64 + 128 = 1088); week total 8*1088*1.25^k =
# 8704, 10880, 13600, 17000: log-linear, so the fitted growth is exactly
# +25% per week and 1.25^52 - 1 per year.  Mean daily = 8704*(1 + 1.25 +
# 1.5625 + 1.953125)/28 = 50184/28 = 1792.2857; Monday mean 2*1088*1.44140625
# = 3136.5, other days 1568.25.  Peak ratio = 128 / (1088/24) = 2.8235.
# 8 closed hours a day * 28 = 224 zero intervals of 672; closed 23:00-07:00.
# Peak days: Mondays 4250 (01-26), 3400, 2720, 2176 (01-05), then the week-3
# days at 2125, the earliest first (01-27).
wfm profile $T/w.csv --tz UTC --report summary --top 5 >$T/s.txt
is "summary exit" $? 0
is "summary calls" "$(sed -n '/^calls$/,/^$/p' $T/s.txt)" "calls
  mean daily total     1792.3
  by weekday           Mon 3136 Tue 1568 Wed 1568 Thu 1568 Fri 1568 Sat 1568 Sun 1568
  growth trend         +25.00% per week (+$(awk 'BEGIN{printf "%.1f", 100 * (1.25^52 - 1)}')% per year, 4 weeks)
  peak-hour ratio      2.82 (busiest interval / mean interval)
  intervals            672, missing 0, zero 224
  closed every day     23:00-07:00
  peak days            2026-01-26 4250, 2026-01-19 3400, 2026-01-12 2720, 2026-01-05 2176, 2026-01-27 2125"
is "summary chat" "$(sed -n '/^chat$/,$p' $T/s.txt)" "chat
  mean daily total     240.0
  by weekday           Mon 240 Tue 240 Wed 240 Thu 240 Fri 240 Sat 240 Sun 240
  growth trend         +0.00% per week (+0.0% per year, 4 weeks)
  peak-hour ratio      1.00 (busiest interval / mean interval)
  intervals            672, missing 0, zero 0
  peak days            2026-01-05 240, 2026-01-06 240, 2026-01-07 240, 2026-01-08 240, 2026-01-09 240"
is "--top 0" "$(wfm profile $T/w.csv --tz UTC --report summary --top 0 | grep -c '^  peak days            none$')" 2
is "summary head" "$(head -n 1 $T/s.txt)" "history 2026-01-05T00:00 .. 2026-02-01T23:00, 60-minute intervals, 2 channels, zone UTC"

wfm profile $T/w.csv --tz UTC --report summary --format json --top 2 --channels calls >$T/s.json
j=$(cat $T/s.json)
ok "json one line" test "$(wc -l <$T/s.json)" = 1
ok "json calls only" bash -c "grep -q '\"channels\":\[{\"channel\":\"calls\",' $T/s.json && ! grep -q chat $T/s.json"
gw=$(printf '%s' "$j" | sed -E 's/.*"growth_week":([^,]*),.*/\1/')
near "json growth_week" "$gw" 0.25 1e-9
gy=$(printf '%s' "$j" | sed -E 's/.*"growth_year":([^,]*),.*/\1/')
near "json growth_year / (1.25^52-1)" "$(awk -v g=$gy 'BEGIN{print g / (1.25^52 - 1)}')" 1 1e-5
near "json mean_daily" "$(printf '%s' "$j" | sed -E 's/.*"mean_daily":([^,]*),.*/\1/')" 1792.285714 1e-5
near "json peak_ratio" "$(printf '%s' "$j" | sed -E 's/.*"peak_ratio":([^,]*),.*/\1/')" 2.823529 1e-5
is "json weekday_mean" "$(printf '%s' "$j" | sed -E 's/.*"weekday_mean":\[([^]]*)\].*/\1/')" \
	"3136.5,1568.25,1568.25,1568.25,1568.25,1568.25,1568.25"
is "json peak_days" "$(printf '%s' "$j" | sed -E 's/.*"peak_days":\[([^]]*)\].*/\1/')" \
	'{"date":"2026-01-26","volume":4250},{"date":"2026-01-19","volume":3400}'
is "json counts" "$(printf '%s' "$j" | grep -o '"intervals":[0-9]*,"missing":[0-9]*,"zero":[0-9]*')" \
	'"intervals":672,"missing":0,"zero":224'

# Weekday profile of the 4 weeks: calls Mon 12:00 = 2*128*1.44140625 = 369,
# share 128/1088 = 0.1176, ratio 2.8235, 4 days; Tue 09:00 = 64*1.44140625 =
# 92.25, share 64/1088 = 0.0588, ratio 64/(1088/24) = 1.4118; Mon 03:00 = 0.
wfm profile $T/w.csv --tz UTC --channels calls -o $T/wp.csv
is "4w rows" "$(wc -l <$T/wp.csv)" $((1 + 7 * 24))
is "4w Mon 12" "$(grep '^calls,Mon,12:00' $T/wp.csv)" "calls,Mon,12:00,369.0000,0.1176,2.8235,4"
is "4w Tue 09" "$(grep '^calls,Tue,09:00' $T/wp.csv)" "calls,Tue,09:00,92.2500,0.0588,1.4118,4"
is "4w Mon 03" "$(grep '^calls,Mon,03:00' $T/wp.csv)" "calls,Mon,03:00,0.0000,0.0000,0.0000,4"
# --by month: Jan 12:00 = 128*(8 + 8*1.25 + 8*1.5625 + 7*1.953125)/27 = 5654/27
# (weights: 3 full weeks of m-sum 8, then 01-26..31 with m-sum 7) = 209.4074;
# Feb (only Sun 02-01, week 3): 128*1.953125 = 250.
wfm profile $T/w.csv --tz UTC --channels calls --by month -o $T/wm.csv
is "4w Jan 12" "$(grep '^calls,Jan,12:00' $T/wm.csv)" "calls,Jan,12:00,209.4074,0.1176,2.8235,27"
is "4w Feb 12" "$(grep '^calls,Feb,12:00' $T/wm.csv)" "calls,Feb,12:00,250.0000,0.1176,2.8235,1"
is "4w Mar" "$(grep -c '^calls,Mar,.*,,,,0$' $T/wm.csv)" 24
# daily: 01-26 is Monday of week 3: 2*1088*1.953125 = 4250; 02-01: 2125
wfm profile $T/w.csv --tz UTC --report daily -o $T/wd.csv
is "4w daily" "$(grep -E '^2026-(01-26|02-01),.*calls' $T/wd.csv)" "2026-01-26,Mon,calls,4250,1
2026-02-01,Sun,calls,2125,1"

# --- 3. DST days in America/New_York: 23 and 25 hourly rows are complete days
# 2026-03-08 has no 02:00; 2026-11-01 has 01:00 twice (EDT, then EST).
awk 'BEGIN { print "timestamp,channel,volume"
  for (h = 0; h < 24; h++) { if (h != 2) printf "2026-03-08T%02d:00,c,1\n", h }
  for (h = 0; h < 24; h++) printf "2026-03-09T%02d:00,c,2\n", h }' >$T/spring.csv
is "spring daily" "$(wfm profile $T/spring.csv --tz America/New_York --report daily | tail -n +2)" \
	"2026-03-08,Sun,c,23,1
2026-03-09,Mon,c,48,1"
awk 'BEGIN { print "timestamp,channel,volume"
  for (h = 0; h < 24; h++) { printf "2026-11-01T%02d:00,c,1\n", h; if (h == 1) print "2026-11-01T01:00,c,1" }
  for (h = 0; h < 24; h++) printf "2026-11-02T%02d:00,c,2\n", h }' >$T/autumn.csv
is "autumn daily" "$(TZ=America/New_York wfm profile $T/autumn.csv --report daily | tail -n +2)" \
	"2026-11-01,Sun,c,25,1
2026-11-02,Mon,c,48,1"
# the same file read as UTC has 01:00 twice: a duplicate
fails_cleanly "autumn as UTC" "autumn.csv:4: timestamp: duplicate of line 3" profile $T/autumn.csv --tz UTC

# --- 4. stdin, atomic output, options ----------------------------------------
wfm profile - --tz UTC <$F/small.csv >$T/stdin.csv 2>$T/err
ok "stdin same as file" cmp $T/stdin.csv $T/p.csv
is "stdin warning names <stdin>" "$(head -n 1 $T/err)" \
	"wfm-profile: warning: <stdin>: calls: 163 missing intervals (first 2026-01-05T12:00), left out of means"
printf 'timestamp,channel,volume\n2026-01-01T00:00,c,1\n2026-01-01T01:00,c,x\n' >$T/bad.csv
wfm profile - <$T/bad.csv 2>$T/err >/dev/null
is "stdin error exit" $? 1
is "stdin error names <stdin>" "$(cat $T/err)" 'wfm-profile: <stdin>:3: volume: "x" is not a number'
# -o replaces a file whole; on error the old file stays and no temp is left
echo old >$T/keep.csv
wfm profile $T/bad.csv -o $T/keep.csv 2>/dev/null
is "error keeps old output" "$(cat $T/keep.csv)" old
is "no temporary left" "$(ls -A $T | grep -c '^\.keep')" 0
wfm profile $F/small.csv --tz UTC -o $T/keep.csv 2>/dev/null
ok "success replaces it" cmp $T/keep.csv $T/p.csv
rm -f $T/none.csv
wfm profile $T/bad.csv -o $T/none.csv 2>/dev/null
ok "no output on error" test ! -e $T/none.csv
# a destination that is not a regular file (here a FIFO; /dev/null and
# /dev/stdout alike) is written in place, not replaced by a plain file
# (timeouts: a writer that renames instead of opening would leave cat waiting)
mkfifo $T/fifo
timeout 10 cat $T/fifo >$T/fromfifo &
timeout 10 $BIN/wfm-profile $F/small.csv --tz UTC -o $T/fifo 2>/dev/null
is "FIFO output exit" $? 0
wait
ok "FIFO still a FIFO" test -p $T/fifo
ok "FIFO carried the output" cmp $T/fromfifo $T/p.csv
# a symbolic link keeps pointing at the (replaced) file
echo old >$T/target.csv && ln -s target.csv $T/link.csv
wfm profile $F/small.csv --tz UTC -o $T/link.csv 2>/dev/null
ok "link still a link" test -L $T/link.csv
ok "target replaced" cmp $T/target.csv $T/p.csv
mkdir $T/dir
wfm profile $F/small.csv --tz UTC -o $T/dir 2>$T/err
is "directory as output exit" $? 1
is "directory message" "$(tail -n 1 $T/err)" "wfm-profile: $T/dir: cannot write: is a directory"
wfm profile $F/small.csv --tz UTC -o /nonexistent-dir/x.csv 2>$T/err
is "unwritable output exit" $? 1
# default zone is $TZ: Europe/Moscow (+3) shifts nothing in naive times, but
# the header names it
is "TZ default" "$(TZ=Europe/Moscow wfm profile $T/w.csv --report summary | head -n 1)" \
	"history 2026-01-05T00:00 .. 2026-02-01T23:00, 60-minute intervals, 2 channels, zone Europe/Moscow"
wfm profile $T/w.csv --channels nope --tz UTC >/dev/null 2>$T/err
is "unknown channel exit" $? 1
is "unknown channel message" "$(cat $T/err)" 'wfm-profile: channel "nope" is not in the input'

wfm profile --help >$T/help; is "--help exit" $? 0
ok "--help has usage and example" bash -c "grep -q '^Usage: wfm profile' $T/help && grep -q 'wfm profile data/history.csv' $T/help"
is "--version" "$(wfm profile --version)" "wfm-profile (wfm) 0.1.0"
for args in "" "--by year x.csv" "--report weekly x.csv" "--top 99 x.csv" "--top x x.csv" \
	    "--format xml x.csv" "--bogus x.csv" "a.csv b.csv" "-o" "--channels= x.csv"; do
	wfm profile $args >/dev/null 2>$T/err
	is "usage error exit: '$args'" $? 2
	ok "usage error message: '$args'" grep -q '^wfm-profile: ' $T/err
done
finish
