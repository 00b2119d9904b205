#!/bin/bash
# t0640-roster-published.sh - re-rostering a published roster after a sick
# call: nothing before --from changes, few rows change after it, and the
# reported changes are exactly the rows that differ (counted here with awk
# from the two files, independently of the program), every hard rule holds.
. "$(dirname "$0")/lib.sh"
R=$FIX/roster
export TZ=UTC
P=$R/plan-week.csv
wfm roster $P $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv -o $T/w.csv 2>/dev/null
# differ OLD NEW FROM: (agent, date) keys from FROM on whose rows differ
differ() {
	awk -F, -v from="$3" 'FNR == 1 { f++; next } $1 >= from {
		k = $2 "," $1; v = $4 "," $5 "," $6 "," $7
		if (f == 1) o[k] = v; else n[k] = v }
		END { c = 0; for (k in o) if (o[k] != n[k]) c++; for (k in n) if (!(k in o)) c++; print c }' "$1" "$2"
}
# One sick agent on Wednesday, for every 8th agent working that day.
worst=0 bad=0 runs=0 lost=0
for a in $(awk -F, '$1 == "2026-11-25" { print $2 }' $T/w.csv | awk 'NR % 8 == 1'); do
	cp $DATA/availability.csv $T/av.csv
	echo "$a,2026-11-25,sick" >>$T/av.csv
	wfm roster $P $DATA/staff.csv --published $T/w.csv --from 2026-11-25 --availability $T/av.csv \
		--changes $T/ch.csv -o $T/n.csv 2>$T/rep || bad=$((bad + 1))
	n=$(awk '/^changed [0-9]+ of/ { print $2 }' $T/rep)
	[ "$n" = "$(differ $T/w.csv $T/n.csv 2026-11-25)" ] || { echo "changes $a: $n reported" >&2; bad=$((bad + 1)); }
	[ "$n" = "$(($(wc -l <$T/ch.csv) - 1))" ] || bad=$((bad + 1))
	[ "$(differ $T/w.csv $T/n.csv 0000)" = "$n" ] || { echo "rows before Wed changed ($a)" >&2; bad=$((bad + 1)); }
	grep -q "^2026-11-25,$a," $T/n.csv && bad=$((bad + 1))
	grep -q "^2026-11-25,$a,.*,sick$" $T/ch.csv || bad=$((bad + 1))
	v=$(awk -F, -v rest=660 -f $R/civil.awk -f $R/check.awk $DATA/staff.csv $T/av.csv $T/n.csv | tail -1)
	[ "$v" = "violations 0" ] || { echo "$a: $v" >&2; bad=$((bad + 1)); }
	# --max-moves 2: the shift (or a substitute) is always filled again here,
	# at most 4 changed rows
	wfm roster $P $DATA/staff.csv --published $T/w.csv --from 2026-11-25 --availability $T/av.csv \
		--max-moves 2 -o $T/n2.csv 2>$T/rep2
	[ "$(grep -c . $T/n2.csv)" = "$(grep -c . $T/w.csv)" ] || lost=$((lost + 1))
	m=$(awk '/^changed [0-9]+ of/ { print $2 }' $T/rep2)
	[ "$m" -le 4 ] && [ "$m" = "$(differ $T/w.csv $T/n2.csv 2026-11-25)" ] || bad=$((bad + 1))
	[ "$n" -gt "$worst" ] && worst=$n
	runs=$((runs + 1))
done
ok "sick on Wednesday: tried 10 agents" test "$runs" -ge 10
is "sick on Wednesday: changes listed = rows that differ, none before Wed, rules hold" "$bad" 0
ok "sick on Wednesday: at most 3 changed rows (worst $worst)" test "$worst" -le 3
is "sick on Wednesday, --max-moves 2: as many rows as published, at most 4 changes" "$lost" 0

# Same published roster, same availability: nothing changes, same bytes.
wfm roster $P $DATA/staff.csv --published $T/w.csv --from 2026-11-25 --availability $DATA/availability.csv \
	-o $T/n.csv 2>$T/rep
ok "no news: no change" grep -q "^changed 0 of" $T/rep
ok "no news: same roster" cmp $T/w.csv $T/n.csv

# An agent who left (A010 removed from staff): rows from Thursday go (reason
# given), rows before stay in the output as published.
grep -v '^A010,' $DATA/staff.csv >$T/staff.csv
wfm roster $P $T/staff.csv --published $T/w.csv --from 2026-11-26 --availability $DATA/availability.csv \
	--changes $T/ch.csv -o $T/n.csv 2>$T/rep
is "agent left: rows before kept" "$(grep -c '^2026-11-2[345],A010,' $T/n.csv)" "$(grep -c '^2026-11-2[345],A010,' $T/w.csv)"
is "agent left: none after" "$(grep -c '^2026-11-2[6-9],A010,' $T/n.csv)" 0
is "agent left: one change per row" "$(grep -c ',A010,.*agent not in staff.csv$' $T/ch.csv)" \
	"$(grep -c '^2026-11-2[6-9],A010,' $T/w.csv)"
ok "changes header" grep -qx "date,agent_id,name,old,new,why" $T/ch.csv
# A day the published roster does not reach is rostered afresh: Monday
# published alone, then --from Tuesday --to Tuesday fills Tuesday's 80 shifts
# (as many as a plain one-day roster) and keeps Monday.
wfm roster $P $DATA/staff.csv --date 2026-11-23 -q -o $T/mon.csv
wfm roster $P $DATA/staff.csv --published $T/mon.csv --from 2026-11-24 --to 2026-11-24 -q -o $T/n.csv
wfm roster $P $DATA/staff.csv --date 2026-11-24 --previous $T/mon.csv -q -o $T/tue.csv
is "fresh day filled" "$(grep -c '^2026-11-24,' $T/n.csv)" "$(grep -c '^2026-11-24,' $T/tue.csv)"
ok "fresh day: Monday kept" cmp <(grep '^2026-11-23,' $T/n.csv) <(grep '^2026-11-23,' $T/mon.csv)
wfm roster $P $DATA/staff.csv --from 2026-11-25 -o $T/x.csv 2>/dev/null
is "--from alone needs --published" "$?" 2
finish
