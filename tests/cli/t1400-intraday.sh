#!/bin/bash
# t1400-intraday.sh - wfm intraday re-forecast: the rest-of-day factor is
# the posterior of docs/intraday.md recomputed here in awk from the
# fixture's sums; no surprise, no report; same input, same bytes.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
F=$FIX/intraday
wfm intraday $F/forecast.csv --actuals $F/today.csv --now 2026-11-27T12:00 -o $T/re.csv 2>$T/err
is "exit" $? 0
is "header" "$(head -1 $T/re.csv)" "timestamp,channel,volume,aht_s,volume_lo,volume_hi"
is "rows: 12 hours x 2 channels" "$(tail -n +2 $T/re.csv | wc -l)" 24
is "first row from --now" "$(sed -n 2p $T/re.csv | cut -d, -f1,2)" "2026-11-27T12:00,calls"
is "a line per channel on stderr (level moved)" "$(wc -l <$T/err)" 2
# posterior factor from the sums: defaults day_sd 0.05, shape_sd 0.05, a
# shock (sd 0.5) with prior probability 0.1; w = the components' weights
# s2 / (s2 + v) averaged by their posterior probabilities
for ch in calls chat; do
	want=$(awk -F, -v ch=$ch 'FNR == 1 { next }
		FILENAME ~ /forecast/ && $2 == ch { day += $3; if ($1 < "2026-11-27T12:00") sf += $3; if ($1 == "2026-11-27T15:00") f15 = $3 }
		FILENAME ~ /today/ && $2 == ch { sa += $3 }
		function g(x, var) { return exp(-x * x / (2 * var)) / sqrt(var) }
		END { p = sf / day; v = 0.0025 * (1 - p) / p + 1 / (sf > 1 ? sf : 1)
		      lr = log((sa + 0.5) / (sf + 0.5)); a0 = 0.9 * g(lr, 0.0025 + v); a1 = 0.1 * g(lr, 0.25 + v)
		      w = (a0 * 0.0025 / (0.0025 + v) + a1 * 0.25 / (0.25 + v)) / (a0 + a1)
		      printf "%.2f", f15 * exp(w * lr) }' $F/forecast.csv $F/today.csv)
	got=$(awk -F, -v ch=$ch '$1 == "2026-11-27T15:00" && $2 == ch { print $3 }' $T/re.csv)
	near "$ch 15:00 = forecast x posterior factor" "$got" "$want" 0.011
done
# bounds contain the point and are wider than the forecast's (surprise)
bad=$(awk -F, 'NR > 1 && ($5 > $3 || $6 < $3) { n++ } END { print n + 0 }' $T/re.csv)
is "lo <= volume <= hi" "$bad" 0
wider=$(awk -F, 'FNR == 1 { next } FILENAME ~ /forecast/ { w[$1 $2] = $6 - $5; next }
	($1 $2) in w && $6 - $5 >= w[$1 $2] - 0.01 { n++ } END { print n + 0 }' $F/forecast.csv $T/re.csv)
is "every bound re-widened" "$wider" 24
# actuals exactly as forecast: the forecast stands (within the half-contact
# correction) and nothing is reported
awk -F, 'NR == 1 { print "timestamp,channel,volume,aht_s"; next } $1 < "2026-11-27T12:00" { print $1 "," $2 "," $3 "," $4 }' \
	$F/forecast.csv > $T/same.csv
wfm intraday $F/forecast.csv --actuals $T/same.csv --now 2026-11-27T12:00 -o $T/same-re.csv 2>$T/err2
is "quiet when nothing changed" "$(cat $T/err2)" ""
dev=$(awk -F, 'FNR == 1 { next } FILENAME ~ /forecast/ { f[$1 $2] = $3; next }
	{ d = $3 / f[$1 $2] - 1; if (d < 0) d = -d; if (d > m) m = d } END { printf "%.4f", m }' $F/forecast.csv $T/same-re.csv)
near "unchanged forecast" "$dev" 0 0.005
wfm intraday $F/forecast.csv --actuals $F/today.csv --now 2026-11-27T12:00 -q -o $T/re2.csv
ok "deterministic" cmp $T/re.csv $T/re2.csv
wfm intraday $F/forecast.csv --actuals $F/today.csv --now 2026-11-27T12:00 --until 2026-11-28T03:00 -q -o $T/until.csv
is "--until past the forecast stops at its end" "$(tail -1 $T/until.csv | cut -d, -f1)" "2026-11-27T23:00"
# wfm chart intraday: a PNG, the same bytes twice; its options belong to it
wfm intraday $F/forecast.csv --actuals $F/today.csv --now 2026-11-27T12:00 --channels $DATA/channels.csv \
	--roster "$FIX/intraday/bf-roster.csv" --staff $DATA/staff.csv --gap $T/gap.csv -q -o $T/re.csv
# scheduled_before: agents working 12:00-13:00 before any action, recomputed
# from the roster here (minutes on shift less break minutes, / 60)
want=$(awk -F, 'function m(s) { split(s, a, ":"); return a[1] * 60 + a[2] }
	function ov(a, b, c, d) { lo = a > c ? a : c; hi = b < d ? b : d; return hi > lo ? hi - lo : 0 }
	NR > 1 && $1 == "2026-11-27" { s = m($4); e = m($5); if (e <= s) e += 1440; w = ov(s, e, 720, 780)
		if ($6 != "") { bs = m($6); be = m($7); if (bs < s) { bs += 1440; be += 1440 }; if (be <= bs) be += 1440
			w -= ov(bs, be, 720, 780) }
		t += w / 60 } END { print t }' "$FIX/intraday/bf-roster.csv")
is "gap: scheduled_before column" "$(head -1 $T/gap.csv | awk -F, '{ print $NF }')" scheduled_before
near "gap: on shift before the actions at 12:00" "$(awk -F, '$1 == "2026-11-27T12:00" && $2 == "*" { print $NF }' $T/gap.csv)" "$want" 0.001
for k in 1 2; do wfm chart intraday $T/re.csv --forecast $F/forecast.csv --history $F/today.csv \
	--coverage $T/gap.csv -o $T/chart$k.png; done
ok "intraday chart is a PNG" bash -c "head -c 8 $T/chart1.png | od -An -c | grep -q 'P   N   G'"
ok "intraday chart is deterministic" cmp $T/chart1.png $T/chart2.png
wfm chart coverage $T/gap.csv --forecast $F/forecast.csv -o $T/x.png 2>/dev/null
is "--forecast is for the intraday chart only" $? 2
# README's cron recipe, run as cron would with the clock at 12:07 Moscow time
line=$(awk '/<!-- recipe: intraday -->/ { w = 1; next } w && /^```/ { if (i) exit; i = 1; next } i && !/^#/' "$ROOT/README.md")
is "intraday recipe is one crontab line" "$(printf '%s\n' "$line" | wc -l | tr -d ' ')" 1
W=$T/site; mkdir -p "$W" "$T/fake"
cmd=$(printf '%s\n' "$line" | sed -E 's/^([^ ]+ +){5}//; s/\\%/%/g; s|cd /srv/wfm|cd "$W"|')
printf '#!/bin/sh\ncase "$1" in +%%s) echo %s ;; *) exec /bin/date "$@" ;; esac\n' \
	"$(TZ=Europe/Moscow /bin/date -d '2026-11-27 12:07' +%s)" > "$T/fake/date"; chmod +x "$T/fake/date"
cp $F/forecast.csv $F/today.csv "$W"; cp $DATA/channels.csv $DATA/staff.csv $DATA/rules.csv "$W"
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-27,A002,Ksenia Fedorova,12:00,19:00,15:00,15:30\n' > "$W/roster.csv"
printf 'agent_id,date,status\n' > "$W/availability.csv"
PATH=$T/fake:$BIN:$PATH W=$W TZ=Europe/Moscow sh -c "$cmd" > $T/cron.out 2>&1; rc=$?
is "intraday recipe exit status" "$rc" 0
is "intraday recipe prints nothing" "$(cat $T/cron.out)" ""
is "recipe re-forecast from 12:00" "$(sed -n 2p "$W/reforecast.csv" | cut -d, -f1)" "2026-11-27T12:00"
ok "recipe wrote actions" grep -q '^overtime,A002,' "$W/actions.csv"
finish
