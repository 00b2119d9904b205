#!/bin/sh
# demo.sh - `make demo`: the whole pipeline on the bundled data, into out/.
# history -> profile, forecast -> requirements -> shift plan -> roster ->
# functions, and a chart of each step.  Times are Europe/Moscow.
set -eu
cd "$(dirname "$0")/.."
export TZ=Europe/Moscow
W=bin/wfm
D=data
O=${WFM_DEMO_OUT:-out}     # tests/cli/t1240 runs it into a temporary directory
WEEK=2026-11-23          # the first forecast week; Black Friday is 2026-11-27
DAY=2026-11-27
mkdir -p "$O"
step() { printf '%-46s' "$1"; }
done_() { echo "-> $*"; }

step "profile of 2 years of hourly history"
$W profile $D/history.csv -o $O/profile.csv
$W profile $D/history.csv --report summary --top 5 -o $O/profile-summary.txt
done_ $O/profile.csv $O/profile-summary.txt

step "forecast 14 days (auto, 8-week backtest)"
$W forecast $D/history.csv --horizon 14d --model auto --events $D/events.csv \
	--backtest 8w -o $O/forecast.csv 2>$O/forecast-report.txt
done_ $O/forecast.csv $O/forecast-report.txt

step "staffing requirements per interval"
$W staff $O/forecast.csv --channels $D/channels.csv -o $O/requirements.csv
done_ $O/requirements.csv

step "shift plan for the week of $WEEK"
$W shifts $O/requirements.csv --rules $D/rules.csv --week $WEEK \
	--coverage $O/coverage.csv --time-limit 20 -o $O/plan.csv 2>$O/shifts-report.txt
done_ $O/plan.csv $O/coverage.csv

step "shift plan by the skill groups of staff.csv"
$W shifts $O/requirements.csv --rules $D/rules.csv --week $WEEK --staff $D/staff.csv \
	--compare --coverage $O/coverage-groups.csv --gap 0.02 \
	-o $O/plan-groups.csv 2>$O/shifts-groups-report.txt
done_ $O/plan-groups.csv $O/coverage-groups.csv

step "service level of the plan"
$W staff $O/forecast.csv --channels $D/channels.csv --evaluate $O/coverage.csv \
	-o $O/evaluation.csv 2>$O/evaluation-report.txt
done_ $O/evaluation.csv $O/evaluation-report.txt

step "roster of 120 agents for the week"
$W roster $O/plan.csv $D/staff.csv --week $WEEK --availability $D/availability.csv \
	--requirements $O/requirements.csv --coverage $O/roster-coverage.csv \
	-o $O/roster.csv 2>$O/roster-report.txt
done_ $O/roster.csv $O/roster-coverage.csv $O/roster-report.txt

step "service level the named roster gives"
$W staff $O/forecast.csv --channels $D/channels.csv --evaluate $O/roster-coverage.csv \
	-o $O/roster-evaluation.csv 2>$O/roster-evaluation-report.txt
done_ $O/roster-evaluation.csv

step "functions per agent and hour on $DAY"
$W functions $O/roster.csv $O/requirements.csv $D/staff.csv --date $DAY --step 30 \
	-o $O/functions.csv 2>$O/functions-report.txt
$W functions $O/roster.csv $O/requirements.csv $D/staff.csv --date $DAY --step 30 --view \
	-q -o $O/functions.txt
done_ $O/functions.csv $O/functions.txt

step "outbound dial plan, blended with inbound"
F=tests/fixtures/outbound
$W outbound $F/campaigns.csv --from $WEEK --rates $F/rates.csv --mode predictive \
	-o $O/dialplan.csv 2>$O/outbound-report.txt
$W outbound $F/campaigns.csv --from $WEEK --rates $F/rates.csv --mode predictive \
	--format work -o $O/outbound-work.csv 2>/dev/null
$W shifts $O/requirements.csv --rules $D/rules.csv --week $WEEK --outbound $O/outbound-work.csv \
	--time-limit 20 -o $O/plan-blended.csv 2>$O/shifts-blended-report.txt
done_ $O/dialplan.csv $O/plan-blended.csv

step "charts"
$W chart profile $O/profile.csv -o $O/profile.png
$W chart forecast $O/forecast.csv --history $D/history.csv --events $D/events.csv -o $O/forecast.png
$W chart coverage $O/coverage.csv -o $O/coverage.png
$W chart coverage $O/coverage-groups.csv -o $O/coverage-groups.png
$W chart staff $O/evaluation.csv -o $O/staff.png
$W chart coverage $O/roster-coverage.csv -o $O/roster-coverage.png
$W chart staff $O/roster-evaluation.csv -o $O/roster-staff.png
$W chart roster $O/roster.csv --plan $O/plan.csv --date $DAY -o $O/roster.png
$W chart functions $O/functions.csv -o $O/functions.png
done_ $O/*.png

step "capacity plan: 12 months, 3 scenarios"
$W forecast $D/history.csv --horizon 364d --model auto --events $D/events.csv \
	--aggregate week -o $O/forecast-52w.csv 2>/dev/null
$W capacity $O/forecast-52w.csv --channels $D/channels.csv --headcount $D/headcount.csv \
	--params $D/capacity-params.csv --profile $O/profile.csv --rules $D/rules.csv \
	--scenario high=1.2,low=0.85 -o $O/capacity.csv 2>$O/capacity-report.txt
$W chart capacity $O/capacity.csv -o $O/capacity.png
done_ $O/capacity.csv $O/capacity-report.txt $O/capacity.png

echo
cat $O/profile-summary.txt | head -12
echo "...  all outputs are in $O/"
