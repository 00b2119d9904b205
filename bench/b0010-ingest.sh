#!/bin/sh
# b0010-ingest.sh - CSV ingest rate: wfm-profile on the 2-year history
# (69,888 rows) and on a 16x copy, with peak memory.
set -eu
H=data/history.csv
rows=$(($(wc -l < $H) - 1))
t() { /usr/bin/time -f '%e %M' "$@" 2>&1 >/dev/null | tail -n 1; }
best=999
for i in 1 2 3; do
	r=$(t bin/wfm-profile $H --tz Europe/Moscow); s=${r% *}
	best=$(awk -v a="$best" -v b="$s" 'BEGIN{print (b<a)?b:a}')
done
echo "ingest_2y_hourly_4ch: $best s for $rows rows ($(awk -v r=$rows -v s=$best 'BEGIN{printf "%.0f", r/(s>0?s:0.01)}') rows/s incl. profile)"
echo "ingest_peak_rss: ${r#* } KiB"
