#!/bin/bash
# t1235-profile-extreme.sh - wfm profile on volumes near the largest double
# (issue 22.14): every volume 1e308 used to give mean "inf" with exit 0
# (the per-cell sum overflowed) and wfm chart profile then refused the
# file.  Now the means are 1e308 (running means for cells whose sum
# overflows), shares 1/24 and ratios 1, and the chart reads the file.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
{ echo "timestamp,channel,volume"
  for d in $(seq -w 5 25); do for h in $(seq -w 0 23); do echo "2026-01-${d}T$h:00,calls,1e308"; done; done; } >$T/big.csv
wfm profile $T/big.csv -o $T/p.csv 2>/dev/null
is "exit" $? 0
is "no inf or nan" "$(grep -ci 'inf\|nan' $T/p.csv)" 0
is "every mean is 1e308" "$(awk -F, 'NR > 1 && ($4 + 0 < 0.999e308 || $4 + 0 > 1.001e308)' $T/p.csv | wc -l)" 0
is "every share 1/24, ratio 1" "$(awk -F, 'NR > 1 && (($5 - 1/24) ^ 2 > 1e-8 || ($6 - 1) ^ 2 > 1e-8)' $T/p.csv | wc -l)" 0
# ordinary volumes beside them: a normal cell stays exact
{ echo "timestamp,channel,volume"
  for d in $(seq -w 5 25); do for h in $(seq -w 0 23); do
	if [ $h = 03 ]; then echo "2026-01-${d}T$h:00,calls,1e308"; else echo "2026-01-${d}T$h:00,calls,6"; fi; done; done; } >$T/mix.csv
wfm profile $T/mix.csv -o $T/m.csv 2>/dev/null
is "mixed: exit" $? 0
is "mixed: a normal cell's mean" "$(awk -F, '$2 == "Mon" && $3 == "04:00" { print $4 }' $T/m.csv)" "6.0000"
ok "chart profile reads it" wfm chart profile $T/p.csv -o $T/p.png
finish
