#!/bin/bash
# t0612-functions-cover.sh - wfm functions meets every real-time requirement
# the roster can meet (checked against maxcover.awk, an independent maximum
# matching from roster, staff and requirements), never staffs a closed
# channel, picks the roster's finest step by default, and takes any channel
# names (Cyrillic included) in the CSV and the --view.
. "$(dirname "$0")/lib.sh"
export TZ=UTC
F=$FIX/functions R=$FIX/roster
wfm roster $R/plan-week.csv $DATA/staff.csv --week 2026-11-23 --availability $DATA/availability.csv \
	-o $T/r.csv 2>/dev/null
# capped real-time coverage per interval from --shortfall (required, assigned)
capped() { awk -F, 'NR > 1 && ($2 == "CALLS" || $2 == "CHAT") { t = substr($1, 12, 5); g[t] += ($4 < $3 ? $4 : $3) }
	END { for (t in g) print t, g[t] }' "$1" | sort; }
# Black Friday: requirements exceed the roster in the evening; the roster's
# breaks are on the half hour, so the default step is 30 min.
wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --date 2026-11-27 \
	--shortfall $T/s.csv -o $T/f.csv 2>$T/err
ok "default step: the roster's 30 min" grep -q "48 x 30-min intervals" $T/err
for st in 30 15; do
	wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --date 2026-11-27 --step $st \
		--shortfall $T/s.csv -o $T/f.csv 2>/dev/null
	awk -F, -v day=2026-11-27 -v prev=2026-11-26 -v step=$st -f "$ROOT/tests/cli/maxcover.awk" \
		$DATA/staff.csv $F/requirements-week.csv $T/r.csv >$T/mc.txt
	capped $T/s.csv >$T/got.txt
	is "step $st: intervals checked" "$(wc -l <$T/mc.txt)" $((1440 / st))
	# both kinds occur (the roster's output, so no exact count here)
	is "step $st: some intervals fully coverable, some not" \
		"$(awk '$2 == $3 { a = 1 } $2 != $3 { b = 1 } END { print a + b }' $T/mc.txt)" 2
	is "step $st: covered = the most the skills allow, every interval" \
		"$(paste -d' ' $T/mc.txt $T/got.txt | awk '$1 != $4 || $3 != $5' | wc -l)" 0
	# closed: a real-time channel with required 0, or a backlog channel with
	# required 0 and nothing outstanding after the interval before
	is "step $st: nobody on a closed channel" "$(awk -F, 'NR > 1 {
		closed = $3 == 0 && ($2 == "CALLS" || $2 == "CHAT" || !out[$2]); out[$2] = $5
		if (closed && $4 > 0) n++ } END { print n + 0 }' $T/s.csv)" 0
done
is "chat closed 01:00-07:00: nobody on CHAT" "$(awk -F, '$4 == "CHAT" && $1 >= "2026-11-27T01" && $1 < "2026-11-27T07"' $T/f.csv | wc -l)" 0

# Any channel names: Cyrillic channels, agents and the wall view.
printf 'id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off\nК1,Анна Звонкова,звонки|чат,40,4,9,00:00,24:00,\nК2,Борис Чатов,чат|письма,40,4,9,00:00,24:00,\nК3,Вера,письма,40,4,9,00:00,24:00,\n' >$T/cs.csv
printf 'date,agent_id,name,start,end,break_start,break_end\n2026-11-23,К1,Анна Звонкова,09:00,12:00,10:30,11:00\n2026-11-23,К2,Борис Чатов,09:00,12:00,,\n2026-11-23,К3,Вера,09:00,12:00,,\n' >$T/cr.csv
{ echo 'timestamp,channel,agents,asa_s'
  for h in 09 10 11; do echo "2026-11-23T$h:00,звонки,1,10"; echo "2026-11-23T$h:00,чат,$([ $h = 11 ] && echo 0 || echo 1),10"; echo "2026-11-23T$h:00,письма,1,"; done; } >$T/cq.csv
wfm functions $T/cr.csv $T/cq.csv $T/cs.csv --date 2026-11-23 -o $T/cf.csv 2>$T/err
ok "Cyrillic: runs" test -s $T/cf.csv
is "Cyrillic: 30-min breaks give a 30-min step" "$(grep -c '^2026-11-23T10:30,К1,' $T/cf.csv)" 1
is "Cyrillic: break at 10:30" "$(grep '^2026-11-23T10:30,К1,' $T/cf.csv | cut -d, -f4)" BREAK
is "Cyrillic: upper-cased function" "$(grep '^2026-11-23T09:00,К1,' $T/cf.csv | cut -d, -f4)" ЗВОНКИ
is "Cyrillic: чат closed at 11:00, К2 to письма" "$(grep '^2026-11-23T11:00,К2,' $T/cf.csv | cut -d, -f4)" ПИСЬМА
wfm functions $T/cr.csv $T/cq.csv $T/cs.csv --date 2026-11-23 --view -o $T/v.txt
ok "view legend: first character, not byte" grep -q ' З=ЗВОНКИ Ч=ЧАТ П=ПИСЬМА B=BREAK' $T/v.txt
# every agent and shortfall row has the same width in characters
is "view: rows aligned by characters" "$(tail -n +3 $T/v.txt | grep . | sed -E 's/  (blocks|[0-9]+)$//; s/ *$//' |
	while IFS= read -r l; do printf '%s' "$l" | LC_ALL=C.UTF-8 wc -m; done | sort -u | wc -l)" 1
ok "view row" grep -Eq '^К1     Анна Звонкова( \.\.){9} ЗЗ ЗB ЗЗ( \.\.){12}  1$' $T/v.txt
# A generated center: 8 Cyrillic channels (6 real-time, 2 backlog, one
# closed at night), 40 agents with 1-3 skills, shifts and breaks on the
# quarter hour (so the default step is 15 min), requirements per hour.
awk 'BEGIN {
	split("звонки чат письма заявления претензии соцсети возвраты доставка", ch, " ")
	print "id,name,skills,contract_h_week,min_shift_h,max_shift_h,earliest_start,latest_end,days_off" > "'$T'/gs.csv"
	print "date,agent_id,name,start,end,break_start,break_end" > "'$T'/gr.csv"
	print "timestamp,channel,agents,asa_s" > "'$T'/gq.csv"
	for (a = 1; a <= 40; a++) {
		sk = ch[a % 8 + 1]; if (a % 3) sk = sk "|" ch[(a + 3) % 8 + 1]; if (a % 5 == 0) sk = sk "|" ch[(a + 5) % 8 + 1]
		printf "Г%02d,Агент %d,%s,40,4,9,00:00,24:00,\n", a, a, sk > "'$T'/gs.csv"
		st = (a * 7) % 60 + 4; en = st + 32; bs = st + 15     # quarters of the day
		printf "2026-11-23,Г%02d,Агент %d,%02d:%02d,%02d:%02d,%02d:%02d,%02d:%02d\n", a, a, st / 4, st % 4 * 15,
			en / 4, en % 4 * 15, bs / 4, bs % 4 * 15, (bs + 2) / 4, (bs + 2) % 4 * 15 > "'$T'/gr.csv"
	}
	for (h = 0; h < 24; h++) for (c = 1; c <= 8; c++) {
		r = int((3 + c % 4) * (h >= 8 && h < 20 ? 1 : 0.4)); if (c == 2 && (h < 7 || h >= 22)) r = 0
		printf "2026-11-23T%02d:00,%s,%d,%s\n", h, ch[c], r, c <= 6 ? "10" : "" > "'$T'/gq.csv"
	}
}'
wfm functions $T/gr.csv $T/gq.csv $T/gs.csv --date 2026-11-23 --shortfall $T/gsf.csv -o $T/gf.csv 2>$T/gerr
ok "generated: default step 15 min (quarter-hour breaks)" grep -q "96 x 15-min intervals" $T/gerr
awk -F, -v day=2026-11-23 -v prev=2026-11-22 -v step=15 -f "$ROOT/tests/cli/maxcover.awk" $T/gs.csv $T/gq.csv $T/gr.csv >$T/gmc.txt
# real-time: the six channels with an asa_s (backlog: возвраты, доставка)
awk -F, 'FNR > 1 && $2 != "ВОЗВРАТЫ" && $2 != "ДОСТАВКА" { t = substr($1, 12, 5); g[t] += ($4 < $3 ? $4 : $3) }
	END { for (t in g) print t, g[t] }' $T/gsf.csv | sort >$T/ggot.txt
is "generated: some intervals fully coverable, some not" "$(awk '$2 == $3' $T/gmc.txt | wc -l) $(awk '$2 != $3' $T/gmc.txt | wc -l | awk '{ print ($1 > 0) }')" "$(awk '$2 == $3' $T/gmc.txt | wc -l) 1"
is "generated: covered = the most the skills allow, every interval" \
	"$(paste -d' ' $T/gmc.txt $T/ggot.txt | awk '$1 != $4 || $3 != $5' | wc -l)" 0
is "generated: nobody on ЧАТ while closed" "$(awk -F, '$4 == "ЧАТ" && ($1 < "2026-11-23T07" || $1 >= "2026-11-23T22")' $T/gf.csv | wc -l)" 0
# --week: the 7 days one after the other, each as with --date
wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --week 2026-11-23 -o $T/w.csv 2>$T/werr
for d in 23 24 25 26 27 28 29; do
	wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --date 2026-11-$d -o $T/d.csv 2>/dev/null
	tail -n +2 $T/d.csv
done >$T/days.csv
is "--week = 7 x --date" "$(tail -n +2 $T/w.csv | cmp - $T/days.csv && echo same)" same
is "--week: a summary per day" "$(grep -c '^functions 2026-11-' $T/werr)" 7
wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --from 2026-11-27 --to 2026-11-28 -o $T/ft.csv 2>/dev/null
is "--from/--to: two days" "$(tail -n +2 $T/ft.csv | cut -c1-10 | sort -u | tr '\n' ' ')" "2026-11-27 2026-11-28 "
wfm functions $T/r.csv $F/requirements-week.csv $DATA/staff.csv --date 2026-11-27 --week 2026-11-23 2>$T/err >/dev/null
is "--date with --week: usage error" "$?:$(cat $T/err | head -1)" "2:wfm-functions: give one of --date, --week, --from/--to"
finish
