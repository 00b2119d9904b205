#!/bin/sh
# run.sh - run every unit test binary given as arguments, then every
# tests/cli/t*.sh script; sum their "N passed, M failed" lines.
# WFM_MEMCHECK=1 runs the programs under valgrind in the CLI tests.
cd "$(dirname "$0")/.." || exit 2
pass=0 fail=0 crashed=""
tally() {  # $1 = name, $2 = exit code, $3 = output
	line=$(printf '%s\n' "$3" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
	p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
	f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	[ -n "$line" ] || { p=0; f=1; }
	[ "$2" = 0 ] || [ "$f" != 0 ] || f=1
	pass=$((pass + p)); fail=$((fail + f))
	[ "$f" = 0 ] || crashed="$crashed $1"
	printf '%-40s %s\n' "$1" "${line#*: }"
}
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	[ $rc = 0 ] || printf '%s\n' "$out" | grep -v ' passed, ' >&2
	tally "$(basename "$t")" $rc "$out"
done
for t in tests/cli/t*.sh; do
	[ -f "$t" ] || continue
	out=$(bash "$t" 2>&1); rc=$?
	[ $rc = 0 ] || printf '%s\n' "$out" | grep -v ' passed, ' >&2
	tally "$(basename "$t")" $rc "$out"
done
[ -z "$crashed" ] || echo "failing:$crashed" >&2
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
