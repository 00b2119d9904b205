#!/bin/bash
# t0407-staff-groups.sh - wfm staff --groups (pooled staffing per skill
# group, corrected by simulation) and wfm simulate --groups on its output.
. "$(dirname "$0")/lib.sh"
F=$FIX/staff
wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC -o $T/req0.csv
wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC -o $T/req.csv \
	--groups $F/groups.csv --group-output $T/greq.csv 2>$T/err
ok "requirements unchanged by --groups" cmp $T/req0.csv $T/req.csv
is "header" "$(head -1 $T/greq.csv)" "timestamp,group,skills,agents,agents_gross,agents_fluid"
is "a row per interval and group" "$(sed 1d $T/greq.csv | wc -l)" 12
is "skills column" "$(sed -n 4p $T/greq.csv | cut -d, -f3)" "calls|chat"
# Hall's condition, independently of the solver: for every set S of the
# queue channels calls (1) and chat (2), the agents of the groups serving S
# exceed sum (agents - 1) over S (the continuous requirement is above
# agents - 1); and the pool never needs more than the channels apart
awk -F, 'NR==FNR { if (FNR > 1) need[$1 "," $2] = $5; next }
	FNR > 1 { a[$1] += 0; if ($3 ~ /calls/) s1[$1] += $4; if ($3 ~ /chat/) s2[$1] += $4;
		  if ($3 ~ /calls|chat/) s12[$1] += $4; tot[$1] += $4 }
	END { for (t in a) { c = need[t ",calls"]; h = need[t ",chat"]; l = need[t ",letters"]
		if (c > 0 && s1[t] <= c - 1) exit 1
		if (h > 0 && s2[t] <= h - 1) exit 1
		if (s12[t] <= c + h - 2) exit 1
		if (tot[t] > c + h + l) exit 1 } }' $T/req.csv $T/greq.csv
_res $? "group agents cover every channel (Hall) and pool at most the sum"
ok "blend capped at its max_agents 3" awk -F, 'NR>1 && $2=="blend" && $4>3 {exit 1}' $T/greq.csv
ok "gross >= net" awk -F, 'NR>1 && $5<$4 {exit 1}' $T/greq.csv
ok "correction only adds" awk -F, 'NR>1 && $4<$6 {exit 1}' $T/greq.csv
ok "report compares the variants" grep -q "each channel its own pool .* pooled fluid .* pooled after simulation" $T/err
ok "report per channel" grep -q "calls: simulated SL 0\.[0-9]* +- 0\.[0-9]* on the fluid plan" $T/err
wfm staff $F/forecast.csv --channels $F/channels.csv --tz UTC -o $T/req.csv \
	--groups $F/groups.csv --group-output $T/greq2.csv 2>/dev/null
ok "seeded: same output" cmp $T/greq.csv $T/greq2.csv
# the multi-skill simulation of that staffing meets 80/20 over the horizon
wfm simulate $T/req.csv --channels $F/channels.csv --groups $F/groups.csv --group-staffing $T/greq.csv \
	--replications 60 --tz UTC -o $T/sim.csv 2>$T/simerr
is "simulate header" "$(head -1 $T/sim.csv)" \
	"timestamp,channel,volume,sl_target,sl_sim,sl_hw,asa_sim,asa_hw,abandon_sim,abandon_hw"
is "a row per requirement row" "$(sed 1d $T/sim.csv | wc -l)" 9
ok "calls SL meets the target within its half-width" \
	awk '/calls: SL/ { sl = $4; hw = $6; exit !(sl + 2 * hw >= 0.8) }' $T/simerr
ok "backlog reported by deadline" grep -q "letters: share answered within its deadline" $T/simerr
wfm simulate $T/req.csv --channels $F/channels.csv --groups $F/groups.csv --group-staffing $T/greq.csv \
	--replications 60 --priority chat,calls --tz UTC -o $T/sim2.csv 2>/dev/null
ok "priority changes the outcome" sh -c "! cmp -s $T/sim.csv $T/sim2.csv"
# usage and input errors
wfm staff $F/forecast.csv --channels $F/channels.csv --groups $F/groups.csv >/dev/null 2>&1
is "--groups without --group-output is a usage error" $? 2
fails_cleanly "unknown skill in groups.csv" "groups-unknown.csv:3: skills: .*fax" staff $F/forecast.csv \
	--channels $F/channels.csv --tz UTC --groups $ROOT/tests/bad/staff/groups-unknown.csv --group-output $T/g.csv
ok "no group output on error" test ! -e $T/g.csv
fails_cleanly "unknown group in group staffing" "greq-unknown.csv:3: group: \"nobody\" is not a group" \
	simulate $T/req.csv --channels $F/channels.csv --groups $F/groups.csv --tz UTC \
	--group-staffing $ROOT/tests/bad/staff/greq-unknown.csv
fails_cleanly "group staffing off the grid" "greq-grid.csv:3: timestamp: not on the requirements' 60-minute grid" \
	simulate $T/req.csv --channels $F/channels.csv --groups $F/groups.csv --tz UTC \
	--group-staffing $ROOT/tests/bad/staff/greq-grid.csv
finish
