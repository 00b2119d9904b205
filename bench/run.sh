#!/bin/sh
# run.sh - `make bench`: every bench/b*.sh in turn; each prints one figure
# per line ("name: value unit (what)").  Data are generated under $BENCH_TMP.
cd "$(dirname "$0")/.." || exit 2
BENCH_TMP=$(mktemp -d "${TMPDIR:-/tmp}/wfm-bench.XXXXXX")
export BENCH_TMP
trap 'rm -rf "$BENCH_TMP"' EXIT
rc=0
for b in bench/b*.sh; do
	[ -f "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || { echo "!! $b failed"; rc=1; }
done
exit $rc
