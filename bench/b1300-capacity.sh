#!/bin/sh
# b1300-capacity.sh - wfm-capacity on 18 months x 4 channels x 3 scenarios
# (the 10k -> 100k contacts a day growth of docs/capacity.md: monthly
# volumes, the bundled hourly profile and channels, shift efficiency
# measured from data/rules.csv, classes every week up to 150).  Whole
# program, best of 3: elapsed and CPU seconds (the machine is shared, so
# elapsed is noisy); the bar is 2 s.
set -eu
B=${BENCH_TMP:-/tmp}
F=tests/fixtures/capacity
export TZ=Europe/Moscow
bin/wfm-profile data/history.csv -o $B/cap-profile.csv
best=999 cpu=0
for i in 1 2 3; do
	r=$(/usr/bin/time -f '%e %U %S %M' bin/wfm-capacity $F/growth.csv --channels data/channels.csv \
		--headcount $F/growth-headcount.csv --params $F/growth-params.csv --profile $B/cap-profile.csv \
		--rules data/rules.csv --scenario high=1.2,low=0.85 -o $B/cap.csv 2>&1 | tail -n 1)
	set -- $r
	if [ "$(awk -v a="$best" -v b="$1" 'BEGIN{print (b<a)}')" = 1 ]; then
		best=$1; cpu=$(awk -v u="$2" -v s="$3" 'BEGIN{printf "%.2f", u+s}'); rss=$4
	fi
done
weeks=$(awk -F, 'NR>1 && $2=="base"' $B/cap.csv | wc -l)
echo "capacity_18m_4ch_3scen: $best s elapsed ($cpu s CPU, peak RSS $rss KiB) for $weeks weeks x 4 channels x 3 scenarios"
