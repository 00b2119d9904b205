#!/bin/bash
# t0401-staff-evaluate.sh - wfm-staff --evaluate: pool split by agents_gross,
# shrinkage removed, service per channel, day summary on stderr.
. "$(dirname "$0")/lib.sh"
F=$FIX/staff
wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC --evaluate $F/coverage.csv \
	-o $T/ev.csv 2>$T/err
is "header" "$(head -1 $T/ev.csv)" \
	"timestamp,channel,volume,agents,service_level,sl_target,asa_s,occupancy,abandon"
# 10:00 gross: calls 20, chat 14, letters 2 = 36; 38 scheduled:
# calls 38 x 20/36 x 0.7 = 14.78, chat 38 x 14/36 x 0.75 = 11.08, letters 38 x 2/36 x 0.7 = 1.48
is "split" "$(grep '^2026-11-23T10:00' $T/ev.csv | cut -d, -f4 | paste -sd' ')" "14.78 11.08 1.48"
# SL of 14.78 agents lies between Erlang C at 14 (0.8884) and 15 (0.9415)
ok "calls SL interpolated" awk -F, '/T10:00,calls/{exit !($5>0.8884 && $5<0.9415)}' $T/ev.csv
is "backlog target 1" "$(grep '^2026-11-23T09:00,letters' $T/ev.csv | cut -d, -f6)" "1.00"
is "summary header" "$(head -1 $T/err)" "date,channel,volume,service_level,sl_target,abandon,met,intervals_below"
is "summary calls volume" "$(grep ',calls,' $T/err | cut -d, -f3,7,8)" "500,yes,0/3"
# with half the people the targets are missed
sed 's/,22,2,0$/,8,0,12/; s/,38,0,2$/,10,0,30/; s/,30,0,0$/,10,0,20/' $F/coverage.csv > $T/cov.csv
wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC --evaluate $T/cov.csv \
	-o $T/ev2.csv 2>$T/err2
is "understaffed day missed" "$(grep ',calls,' $T/err2 | cut -d, -f7)" "no"
# 8, 10, 10 people: calls get 12/22 x 8 x 0.7 = 3.05 net for 5 Erlangs at 09:00, etc.: all 3 hours miss
is "understaffed hours counted" "$(grep ',calls,' $T/err2 | cut -d, -f8)" "3/3"
ok "understaffed SL below target" awk -F, '/T10:00,calls/{exit !($5<0.8)}' $T/ev2.csv
finish
