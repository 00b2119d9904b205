# lib.sh - helpers for tests/cli/t*.sh (bash).  Source it first.
#   wfm PROG ARGS...     run bin/wfm-PROG (under valgrind when WFM_MEMCHECK=1)
#   ok DESC CMD...       pass when CMD succeeds
#   is DESC GOT WANT     pass when the strings are equal
#   near DESC GOT WANT TOL
#   fails_cleanly DESC PATTERN PROG ARGS...   exit 1, one stderr line matching
#                        PATTERN, and no output file $T/out left behind
#   finish               print "NAME: N passed, M failed", exit accordingly
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=$ROOT/bin
DATA=$ROOT/data
FIX=$ROOT/tests/fixtures
T=$(mktemp -d "${TMPDIR:-/tmp}/wfm-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
_pass=0 _fail=0
_name=$(basename "$0" .sh)

wfm() {
	local p=$1; shift
	if [ "${WFM_MEMCHECK:-}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
			--suppressions="$ROOT/tests/valgrind.supp" \
			"$BIN/wfm-$p" "$@"
	else
		"$BIN/wfm-$p" "$@"
	fi
}
_res() { if [ "$1" = 0 ]; then _pass=$((_pass+1)); else _fail=$((_fail+1)); echo "FAIL: $2" >&2; fi; }
ok() { local d=$1; shift; "$@" >/dev/null 2>&1; _res $? "$d"; }
is() { [ "$2" = "$3" ]; _res $? "$1: got '$2', want '$3'"; }
near() { awk -v a="$2" -v b="$3" -v t="$4" 'BEGIN{d=a-b; if(d<0)d=-d; exit !(d<=t)}'; _res $? "$1: got $2, want $3 +- $4"; }
fails_cleanly() {
	local d=$1 pat=$2 rc lines
	shift 2
	rm -f "$T/out" "$T"/.out.* "$T/err"
	wfm "$@" -o "$T/out" 2>"$T/err" >/dev/null; rc=$?
	lines=$(wc -l <"$T/err")
	if [ $rc = 1 ] && [ "$lines" = 1 ] && grep -Eq -- "$pat" "$T/err" && [ ! -e "$T/out" ] &&
	   [ -z "$(ls -A "$T" | grep '^\.out\.')" ]; then
		_res 0 "$d"
	else
		_res 1 "$d: exit $rc, $lines stderr lines: $(head -c 300 "$T/err")"
	fi
}
finish() { echo "$_name: $_pass passed, $_fail failed"; [ $_fail = 0 ]; }
