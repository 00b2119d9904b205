#!/bin/bash
# t1014-staff-out-tz.sh - wfm staff --out-tz: demand read in New York time,
# requirements written in the center's zone (Moscow, UTC+3).  On
# 2026-11-23 New York is on EST (UTC-5): 09:00 there is 17:00 in Moscow;
# the sizing is the same, only the timestamps move.
. "$(dirname "$0")/lib.sh"
F=$FIX/staff
wfm staff $F/forecast.csv --channels $F/channels.csv --tz America/New_York -o $T/ny.csv 2>/dev/null
is "ny exit" $? 0
wfm staff $F/forecast.csv --channels $F/channels.csv --tz America/New_York --out-tz Europe/Moscow -o $T/msk.csv 2>/dev/null
is "msk exit" $? 0
is "09:00 New York" "$(sed -n 2p $T/ny.csv | cut -d, -f1)" 2026-11-23T09:00
is "= 17:00 Moscow" "$(sed -n 2p $T/msk.csv | cut -d, -f1)" 2026-11-23T17:00
is "same figures" "$(cut -d, -f2- $T/ny.csv | md5sum)" "$(cut -d, -f2- $T/msk.csv | md5sum)"
# Read back in Moscow: the same instants as the New York file read in New York.
wfm shifts $T/ny.csv --rules $ROOT/data/rules.csv --tz America/New_York --out-tz Europe/Moscow --no-wrap --soft 1000 -o $T/p1.csv 2>/dev/null
wfm shifts $T/msk.csv --rules $ROOT/data/rules.csv --tz Europe/Moscow --no-wrap --soft 1000 -o $T/p2.csv 2>/dev/null
is "plan starts 16:00 Moscow (08:00 New York)" "$(sed -n 2p $T/p1.csv | cut -d, -f3)" 16:00
ok "same plan either way" cmp $T/p1.csv $T/p2.csv
finish
