#!/bin/bash
# t0704-chart-roster-many.sh - a roster PNG of thousands of agents keeps
# under 16 M pixels (lib/chart_roster.c PIXELS_MAX, docs/chart.md): agents
# with the same shifts share a row ("N x"), the rest thin to fit; a PDF
# keeps one row per agent, on A4 pages.  Expected sizes worked out here:
# a row is 16 px up to 250 rows, and 194 px go to title, axes and legend.
. "$(dirname "$0")/lib.sh"
export TZ=Europe/Moscow
size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", (($1*256+$2)*256+$3)*256+$4, (($5*256+$6)*256+$7)*256+$8 }'; }
# 900 agents on 3 shift patterns over two days (Cyrillic names), plus 100
# agents each with a shift of its own (start minute = agent number).
awk 'BEGIN { print "date,agent_id,name,start,end,break_start,break_end"
	split("08:00 12:00 16:00", st, " "); split("16:00 20:00 00:00", en, " ")
	for (i = 0; i < 900; i++) for (d = 23; d <= 24; d++)
		printf "2026-11-%d,А%04d,Агент %d,%s,%s,,\n", d, i, i, st[i % 3 + 1], en[i % 3 + 1]
	for (i = 0; i < 100; i++) printf "2026-11-23,Б%03d,Б %d,%02d:%02d,%02d:%02d,,\n", i, i, 6 + int(i / 60), i % 60, 14 + int(i / 60), i % 60 }' >$T/r.csv
wfm chart roster $T/r.csv -o $T/r.png
is "1,000 agents, 103 distinct weeks: 103 rows of 16 px" "$(size $T/r.png)" "1684x$((194 + 103 * 16))"
wfm chart roster $T/r.csv -o $T/r.svg
ok "SVG merges the same way" grep -q 'height="1842' $T/r.svg
wfm chart roster $T/r.csv -o $T/r.pdf
is "PDF: a row per agent, 62 to an A4 page" "$(grep -ac '/Type /Page\b' $T/r.pdf)" "$(( (1000 + 61) / 62 ))"
# 1,000 agents each on a shift of its own (one day): nothing merges, the
# canvas stops at 16,000,000 / 1684 px.
awk 'BEGIN { print "date,agent_id,name,start,end,break_start,break_end"
	for (i = 0; i < 1000; i++) { m = 240 + i; printf "2026-11-23,X%04d,x,%02d:%02d,%02d:%02d,,\n", i, m / 60, m % 60, (m + 480) / 60 % 24, m % 60 } }' >$T/d.csv
is "1,000 different shifts" "$(cut -d, -f4,5 $T/d.csv | sort -u | wc -l)" 1001
wfm chart roster $T/d.csv -o $T/d.png
is "nothing merges: the rows thin to the pixel cap" "$(size $T/d.png)" "1684x$((16000000 / 1684))"
# a small roster is drawn as before: a row per agent
wfm chart roster $FIX/chart/roster.csv --date 2026-11-27 -o $T/s.png
is "101 agents: 101 rows" "$(size $T/s.png)" "1684x$((194 + 101 * 16))"
finish
