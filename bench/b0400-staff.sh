#!/bin/sh
# b0400-staff.sh - wfm-staff on one year of 15-minute intervals x 4 channels
# (140,160 interval computations: the last 365 days of the bundled hourly
# history, each hour split into 4 quarter-hours), and on the same with
# volumes x 100 (calls up to ~1,000 Erlangs).  Best of 3, whole program
# (CSV in and out included); CPU seconds (user + sys) since the machine is
# shared and elapsed time is noisy; elapsed shown too.  The same year with
# every channel sized by Erlang C (channels.csv's targets, kind erlang_c):
# the whole-process rate of plain Erlang C (goal >= 1 M intervals/s).
# Erlang A evaluations per interval at 10,000 Erlangs (a day ramping
# +-30 %, demo calls: AHT 300 s, patience 180 s, 80/20), with the demo's
# occupancy cap 0.88 and without (goal <= 5).  Then wfm-simulate on one
# week of calls.  Each figure has the one before this round of work beside
# it ("was").  With PYWORKFORCE_DIR naming a checkout of pyworkforce
# (github.com/rodrigo-arenas/pyworkforce; its package imports numpy and
# joblib) the same Erlang C sizing by its ErlangC, pure Python, on a sample
# of the year's non-zero intervals without CSV work, and the ratio (goal
# >= 60); skipped otherwise.
set -eu
B=${BENCH_TMP:-/tmp}
H=data/history.csv
awk -F, -v k=1 'NR==1{print "timestamp,channel,volume,aht_s,volume_lo,volume_hi"; next}
	$1>="2025-11-23" { d=substr($1,1,14); for (q=0;q<4;q++) printf "%s%02d,%s,%.2f,%s,,\n", d, q*15, $2, k*$3/4, $4 }' \
	$H > $B/fc15.csv
awk -F, 'NR==1{print; next} {OFS=","; $3=$3*100; print}' $B/fc15.csv > $B/fc15x100.csv
rows=$(($(wc -l < $B/fc15.csv) - 1))
awk -F, 'NR == 1 { print; next } { OFS = ","; $2 = "erlang_c"; $8 = 1; $9 = 0; $10 = 0
	if ($4 == 0) { $4 = 0.80; $5 = 60 }; print }' \
	data/channels.csv > $B/channels-c.csv
t() { /usr/bin/time -f '%U %S %e %M' "$@" 2>&1 >/dev/null | tail -n 1 |
	awk '{printf "%.2f %.2f %s", $1+$2, $3, $4}'; }
rate() { awk -v r=$rows -v s=$1 'BEGIN{printf "%.0f", r/(s>0?s:0.01)}'; }
for f in fc15 fc15x100 erlang_c; do
	in=$f ch=data/channels.csv
	[ $f = erlang_c ] && in=fc15 ch=$B/channels-c.csv
	case $f in    # 2026-12-01, load about 15
	fc15) was="0.23 s CPU, 600000 intervals/s" ;;
	fc15x100) was="0.37 s CPU, 380000 intervals/s" ;;
	erlang_c) was="0.19 s CPU, 740000 intervals/s" ;;
	esac
	best=999
	for i in 1 2 3; do
		r=$(t env TZ=Europe/Moscow bin/wfm-staff $B/$in.csv --channels $ch -o $B/req.csv)
		set -- $r
		[ "$(awk -v a="$best" -v b="$1" 'BEGIN{print (b<a)}')" = 1 ] && { best=$1; el=$2; rss=$3; }
	done
	echo "staff_1y_15min_4ch_$f: $best s CPU ($el s elapsed) for $rows intervals ($(rate $best) intervals/s, peak RSS $rss KiB; was $was)"
done
wfm_rate=$(rate $best)
if [ -n "${PYWORKFORCE_DIR:-}" ] &&
   err=$(PYTHONPATH=$PYWORKFORCE_DIR python3 -c 'from pyworkforce.queuing import ErlangC' 2>&1); then
	cat > $B/pwf.py <<'PY'
import csv, sys, time
from pyworkforce.queuing import ErlangC
fc, chf, step = sys.argv[1], sys.argv[2], int(sys.argv[3])
cfg = {c["channel"]: c for c in csv.DictReader(open(chf))}
rows = [r for r in csv.DictReader(open(fc)) if float(r["volume"]) > 0][::step]
t0 = time.process_time()
for r in rows:
    c = cfg[r["channel"]]
    aht = float(r["aht_s"] or 0) or float(c["aht_s"])
    ErlangC(transactions=float(r["volume"]), aht=aht / 60, asa=float(c["sl_seconds"]) / 60,
            interval=15, shrinkage=float(c["shrinkage"])).required_positions(
        service_level=float(c["sl_target"]), max_occupancy=float(c["max_occupancy"]) or 1.0)
print(len(rows), "%.3f" % (time.process_time() - t0))
PY
	set -- $(PYTHONPATH=$PYWORKFORCE_DIR python3 $B/pwf.py $B/fc15.csv $B/channels-c.csv 5)
	echo "staff_erlang_c_vs_pyworkforce: pyworkforce ErlangC $(awk -v n=$1 -v s=$2 'BEGIN{printf "%.0f", n/s}') intervals/s ($1 non-zero intervals, every 5th, $2 s CPU, no CSV work), wfm staff $wfm_rate intervals/s whole process: $(awk -v n=$1 -v s=$2 -v w=$wfm_rate 'BEGIN{printf "%.0f", w/(n/s)}')x (goal >= 60)"
else
	echo "staff_erlang_c_vs_pyworkforce: skipped (set PYWORKFORCE_DIR to a pyworkforce checkout whose package imports here; it needs numpy and joblib${err:+: $(printf '%s' "$err" | tail -n 1)})"
fi
awk 'BEGIN { print "timestamp,channel,volume,aht_s"; for (i = 0; i < 96; i++)
	printf "2026-01-05T%02d:%02d,calls,%.2f,300\n", int(i / 4), (i % 4) * 15,
		3 * 10000 * (1 + 0.3 * sin(i * 2 * 3.141592653589793 / 96)) }' > $B/a10k.csv
sed 's/^calls,erlang_a,300,0.80,20,0.88,/calls,erlang_a,300,0.80,20,0,/' data/channels.csv > $B/channels-nocap.csv
for c in data/channels.csv $B/channels-nocap.csv; do
	e=$(TZ=UTC bin/wfm-staff -v $B/a10k.csv --channels $c -o $B/req.csv 2>&1 |
		sed -n 's/.*erlang_a: \([0-9.]*\) evaluations.*/\1/p')
	cap=$([ $c = data/channels.csv ] && echo "occupancy cap 0.88" || echo "no occupancy cap")
	echo "staff_erlang_a_10000_erlangs_evals: $e per interval ($cap; goal <= 5)"
done
TZ=Europe/Moscow bin/wfm-staff $B/fc15.csv --channels data/channels.csv -o $B/req.csv
awk -F, 'NR==1 || ($2=="calls" && $1>="2026-11-16")' $B/req.csv > $B/req-week.csv
r=$(t env TZ=Europe/Moscow bin/wfm-simulate $B/req-week.csv --channels data/channels.csv --channel calls --replications 100)
echo "simulate_week_calls_15min_100reps: ${r%% *} s CPU"
