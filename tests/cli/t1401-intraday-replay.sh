#!/bin/bash
# t1401-intraday-replay.sh - the demo's Black Friday (2026-11-27) replayed
# as cron would, every 15 minutes from 08:00 to 20:00: calls run 50% above
# the forecast until 13:00, each run reads the roster the previous run's
# --apply wrote.  Independent checks in awk at every step:
#  - on-shift agents per interval (pooled, and per channel those holding
#    its skill) recomputed from the applied roster match the gap file, and (recomputed from the roster before them) the actions never leave an interval more short-staffed
#    than before them (the projected shortfall only goes down);
#  - every roster row obeys the hard rules (staff.csv window and shift
#    lengths, 11 h rest, at most 44 paid hours and 5 days in the week,
#    a break of 2 h margin in shifts of 6 h or more), call-ins only for
#    agents "available" that day, nothing changed before --now.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
F=$FIX/intraday
cp $F/bf-roster.csv $T/roster.csv
fails=0 steps=0 actions=0 callins=0 vtos=0 moves=0
# on-shift agents per interval from now (breaks excluded) from both rosters,
# checked against the gap file: same numbers, no interval more short-staffed
coverage='function mins(s) { return substr(s, 1, 2) * 60 + substr(s, 4, 2) }
	FILENAME ~ /staff\.csv$/ { skills[$1] = $3; next }
	FILENAME ~ /gap/ { if (FNR > 1) { i = int((mins(substr($1, 12, 5)) - now) / 15)
		if ($2 == "*") { req[i] = $3; sch[i] = $4 } else { sk[$2, i] = $4; chans[$2] = 1 } }; next }
	FNR == 1 { f++; next }
	$1 == day { s = mins($4); e = mins($5); if (e <= s) e += 1440
		bs = $6 == "" ? -1 : mins($6); be = $7 == "" ? -1 : mins($7); if (bs >= 0 && bs < s) { bs += 1440; be += 1440 }
		if (be >= 0 && be < bs) be += 1440; n = split(skills[$2], ks, "|")
		for (m = (s > now ? s : now); m < e && m < 1440; m++) if (!(m >= bs && m < be)) {
			on[f, int((m - now) / 15)] += 1 / 15; if (f == 2) for (k = 1; k <= n; k++) onk[ks[k], int((m - now) / 15)] += 1 / 15 } }
	function d(a, b) { return a > b ? a - b : b - a }
	END { for (i = 0; i < (1440 - now) / 15; i++) {
		if (d(on[2, i], sch[i]) > 0.011) { print "coverage differs at " i ": " on[2, i] " " sch[i]; b++ }
		for (c in chans) if (d(onk[c, i], sk[c, i]) > 0.011) { print c " coverage differs at " i ": " onk[c, i] " " sk[c, i]; b++ }
		ub = req[i] > on[1, i] ? req[i] - on[1, i] : 0; ua = req[i] > on[2, i] ? req[i] - on[2, i] : 0
		if (ua > ub + 1e-6) { print "more short-staffed at " i; b++ } }
		exit b > 0 }'
rules='function mins(s) { return substr(s, 1, 2) * 60 + substr(s, 4, 2) }
	function endm(st, en) { return mins(en) <= mins(st) ? mins(en) + 1440 : mins(en) }
	FILENAME ~ /staff\.csv$/ && FNR > 1 { minh[$1] = $5 * 60; maxh[$1] = $6 * 60; lo[$1] = mins($7); hi[$1] = mins($8); week[$1] = ($4 + 4) * 60; next }
	FILENAME ~ /availability/ && FNR > 1 { st[$1 "," $2] = $3; next }
	FILENAME ~ /before/ && FNR > 1 { old[$1 "," $2] = $4 "," $5 "," $6; next }
	FILENAME ~ /after/ && FNR > 1 {
		a = $2; s = mins($4); e = mins($5); if (e <= s) e += 1440; len = e - s
		bs = $6 == "" ? -1 : mins($6); be = $7 == "" ? -1 : mins($7); if (bs >= 0 && bs < s) bs += 1440; if (be >= 0 && be <= bs) be += 1440
		split($1, d, "-"); dn = d[3] + 0
		paid[a] += len - (bs >= 0 ? be - bs : 0); days[a]++
		n[a]++; S[a, n[a]] = dn * 1440 + s; E[a, n[a]] = dn * 1440 + e
		if (len > maxh[a] || len < minh[a]) bad("length " len, $0)
		if (s < lo[a] || (hi[a] < 1440 && e > hi[a])) bad("window", $0)
		if (len >= 360 && bs < 0) bad("no break", $0)
		if (bs >= 0 && (bs - s < 120 || e - be < 120)) bad("break margin", $0)
		k = $1 "," a
		if ($1 == day && !(k in old) && st[a "," day] != "available") bad("call-in not willing", $0)
		if ($1 == day && (k in old)) { split(old[k], o, ",")
			if ($4 != o[1] && (mins($4) < now || mins(o[1]) < now)) bad("start changed before now", $0)
			if ($5 != o[2] && (endm($4, $5) < now || endm(o[1], o[2]) < now)) bad("end changed before now", $0)
			if ($6 != o[3] && (mins($6) < now || mins(o[3]) < now)) bad("break moved before now", $0) }
	}
	function bad(why, row) { print why ": " row; nbad++ }
	END { for (a in paid) { if (paid[a] > week[a]) bad("week hours " paid[a], a); if (days[a] > 5) bad("days " days[a], a)
		for (i = 1; i <= n[a]; i++) for (j = 1; j <= n[a]; j++) if (i != j && S[a, j] >= S[a, i] && S[a, j] - E[a, i] < 660) bad("rest", a) }
		exit nbad > 0 }'
for h in 08 09 10 11 12 13 14 15 16 17 18 19; do for q in 00 15 30 45; do
	now="2026-11-27T$h:$q"; nm=$((10#$h * 60 + 10#$q))
	awk -F, -v now=$now 'NR == 1 { print "timestamp,channel,volume,aht_s"; next }
		$1 < now { printf "%s,%s,%d,%s\n", $1, $2, int($3 * ($1 < "2026-11-27T13:00" ? 1.5 : 1) + 0.5), $4 }' \
		$F/bf-forecast.csv > $T/actuals.csv
	if ! wfm intraday $F/bf-forecast.csv --actuals $T/actuals.csv --now $now --channels $DATA/channels.csv \
		--roster $T/roster.csv --staff $DATA/staff.csv --availability $F/bf-availability.csv \
		--rules $DATA/rules.csv --actions $T/actions.csv --gap $T/gap.csv --apply $T/applied.csv \
		-q -o $T/re.csv; then fails=$((fails + 1)); echo "run at $now failed" >&2; continue; fi
	steps=$((steps + 1))
	awk -F, 'NR > 1 { n[$1]++ } END { print n["overtime"] + 0, n["call_in"] + 0, n["break_move"] + 0, n["vto"] + 0 }' \
		$T/actions.csv >$T/counts
	read -r o c m v <$T/counts
	actions=$((actions + o + c + m + v)) callins=$((callins + c)) moves=$((moves + m)) vtos=$((vtos + v))
	if ! awk -F, -v day=2026-11-27 -v now=$nm "$coverage" $DATA/staff.csv $T/gap.csv $T/roster.csv $T/applied.csv >&2; then
		fails=$((fails + 1)); echo "at $now" >&2; fi
	mv $T/roster.csv $T/before.csv; mv $T/applied.csv $T/after.csv
	if ! awk -F, -v day=2026-11-27 -v now=$nm "$rules" $DATA/staff.csv $F/bf-availability.csv \
		$T/before.csv $T/after.csv >&2; then fails=$((fails + 1)); echo "rule broken at $now" >&2; fi
	mv $T/after.csv $T/roster.csv
done; done
is "48 runs, all checks hold" "$steps/$fails" "48/0"
ok "actions were proposed" test $actions -gt 20
ok "willing agents were called in" test $callins -ge 1
echo "t1401: $actions actions over the day ($callins call-ins, $moves break moves, $vtos VTO)"
finish
