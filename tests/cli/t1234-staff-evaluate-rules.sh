#!/bin/bash
# t1234-staff-evaluate-rules.sh - wfm staff, rules that must hold whatever
# the input (issues 19.11, 19.14, 22.13):
#  - with 0 agents occupancy is 0 for every kind (was 1 for Erlang C and
#    chat, 0 for Erlang A and backlog);
#  - the evaluation names the forecast intervals a coverage does not cover
#    (a missing hour; the repeated hour of a DST fall-back written once);
#  - --backlog-hours are in the staff's zone (--out-tz) and may cross
#    midnight.
. "$(dirname "$0")/lib.sh"
F=$FIX/staff
# 1. nobody at 09:00: every channel, every kind
sed 's/^2026-11-23T09:00,20,22,2,0$/2026-11-23T09:00,20,0,0,20/' $F/coverage.csv >$T/cov0.csv
sed 's/^calls,erlang_c,180,0.80,20,0,0.30,1,0,0$/calls,erlang_a,180,0.80,20,0,0.30,1,120,0/' $F/channels.csv >$T/cha.csv
for ch in "$F/channels.csv" "$T/cha.csv"; do
	wfm staff $F/forecast.csv --channels "$ch" --tz UTC --evaluate $T/cov0.csv -o $T/ev.csv 2>/dev/null
	is "0 agents, $(basename "$ch"): occupancy of every channel at 09:00" \
		"$(awk -F, '$1 == "2026-11-23T09:00" { printf "%s=%s ", $2, $8 }' $T/ev.csv)" \
		"calls=0.0000 chat=0.0000 letters=0.0000 "
	is "0 agents, $(basename "$ch"): service level 0 where contacts arrive" \
		"$(awk -F, '$1 == "2026-11-23T09:00" && $3 > 0 && $5 != "0.0000"' $T/ev.csv | wc -l)" 0
done

# 2. a coverage without 10:00: named, not silently passed
grep -v T10:00 $F/coverage.csv >$T/gap.csv
wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC --evaluate $T/gap.csv -o $T/ev.csv 2>$T/err
ok "missing hour named" grep -q "gap.csv: no row for 1 forecast interval inside its span (first 2026-11-23T10:00): not evaluated" $T/err
# the DST fall-back in New York: two 01:00 hours in the forecast, one in the coverage
{ echo "timestamp,channel,volume,aht_s,volume_lo,volume_hi"
  for h in 00 01 01 02 03; do echo "2026-11-01T$h:00,calls,100,180,90,110"; done; } >$T/fdst.csv
{ echo "timestamp,required,scheduled,over,under"
  for h in 00 01 02 03; do echo "2026-11-01T$h:00,10,10,0,0"; done; } >$T/cdst.csv
wfm staff $T/fdst.csv --channels $F/channels.csv --tz America/New_York --evaluate $T/cdst.csv -o $T/ev.csv 2>$T/err
ok "repeated 01:00 named by its offset" grep -q "no row for 1 forecast interval inside its span (first 2026-11-01T01:00-05:00)" $T/err
is "the evaluated hours" "$(($(wc -l <$T/ev.csv) - 1))" 4

# 3. backlog hours in the staff's zone.  Letters arrive in Chicago; staff in
#    Moscow (9 h ahead in November) work 08:00-20:00 Moscow = 23:00-11:00
#    Chicago.  Work then lands only in Chicago hours 23..10.
{ echo "timestamp,channel,volume,aht_s,volume_lo,volume_hi"
  for d in 23 24; do for h in $(seq -w 0 23); do echo "2026-11-${d}T$h:00,letters,10,300,9,11"; done; done; } >$T/fl.csv
printf 'channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,concurrency,patience_s,deadline_h\nletters,backlog,300,0,0,0,0,1,0,24\n' >$T/chl.csv
wfm staff $T/fl.csv --channels $T/chl.csv --tz America/Chicago --out-tz Europe/Moscow -o $T/msk.csv 2>/dev/null
is "Moscow staff: work only 08:00-19:59 Moscow" \
	"$(awk -F, 'NR > 1 && $5 > 0 { h = substr($1, 12, 2) + 0; if (h < 8 || h >= 20) bad++ } END { print bad + 0 }' $T/msk.csv)" 0
ok "Moscow staff: some work" awk -F, 'NR > 1 && $5 > 0 { n++ } END { exit !(n > 10) }' $T/msk.csv
# the same hours written as Chicago hours across midnight: the same requirements
wfm staff $T/fl.csv --channels $T/chl.csv --tz America/Chicago --backlog-hours 23:00-11:00 -o $T/chi.csv 2>/dev/null
is "23:00-11:00 accepted" $? 0
is "Chicago 23:00-11:00 = Moscow 08:00-20:00" "$(cut -d, -f2- $T/chi.csv | md5sum)" "$(cut -d, -f2- $T/msk.csv | md5sum)"
finish
