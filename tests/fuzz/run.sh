#!/bin/sh
# run.sh SECONDS DIR NAME... - `make fuzz`: run each libFuzzer harness
# DIR/NAME for SECONDS on a corpus seeded from tests/bad/, tests/fixtures/,
# the first 40 lines of data/*.csv and tests/fuzz/seeds/NAME/ (inputs the
# fuzzer finds are kept in DIR/corpus/NAME/ for the next run).  Prints one
# line per harness: total executions, executions/s, corpus size; exits 1
# when a harness crashed (its input is saved as DIR/crash-NAME-*; copy it
# to tests/bad/fuzz/ with a line in tests/bad/fuzz.cases once fixed).
cd "$(dirname "$0")/../.." || exit 2
secs=$1 dir=$2
shift 2
seeds=$dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds/common"
i=0
for f in $(find tests/bad tests/fixtures -type f 2>/dev/null | sort); do
	i=$((i + 1)); cp "$f" "$seeds/common/bad$i"
done
for f in data/*.csv; do
	head -n 40 "$f" > "$seeds/common/$(basename "$f")"
done
rc=0
for name in "$@"; do
	short=${name#fuzz_}
	mkdir -p "$dir/corpus/$name"
	extra=""
	[ -d "tests/fuzz/seeds/$short" ] && extra="tests/fuzz/seeds/$short"
	log=$dir/$name.log
	"$dir/$name" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=1024 \
		-print_final_stats=1 -artifact_prefix="$dir/crash-$short-" \
		"$dir/corpus/$name" "$seeds/common" $extra >"$log" 2>&1
	r=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	corp=$(ls "$dir/corpus/$name" | wc -l)
	if [ $r = 0 ]; then
		echo "fuzz_$short: ${runs:-?} runs in ${secs}s, ${speed:-?} exec/s, corpus $corp"
	else
		echo "fuzz_$short: CRASH after ${runs:-?} runs (exit $r); see $log and $dir/crash-$short-*"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -n 3
		rc=1
	fi
done
exit $rc
