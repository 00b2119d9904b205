#!/bin/bash
# t0024-function-length.sh - no function in lib/ over 120 lines (issue 20,
# "Done when"), counted by tests/funclen.sh.  ALLOW lists the debts left,
# by file and function name with their owner; the test fails on a new long
# function and on an entry that is no longer long (remove it).
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

ALLOW=$(sed -e 's/[[:space:]]*#.*//' -e '/^$/d' <<'EOF_ALLOW'
EOF_ALLOW
)

sh tests/funclen.sh 120 lib | awk '{ sub(/:[0-9]+$/, "", $2); print $2, $3 }' | sort >$T/found
sort <<<"$ALLOW" >$T/allow
is "functions over 120 lines in lib/ (see ALLOW)" "$(comm -23 $T/found $T/allow)" ""
is "ALLOW entries no longer over 120 lines (remove them)" "$(comm -13 $T/found $T/allow)" ""
# the counter itself: a 122-line function is found, a 120-line one is not
mkdir -p $T/tree/tests $T/tree/lib
cp tests/funclen.sh $T/tree/tests/
{ printf 'static int f(void)\n{\n'; for i in $(seq 119); do echo "	x();"; done; printf '}\n'
  printf 'int g(int a,\n      int b)\n{\n'; for i in $(seq 118); do echo "	y();"; done; printf '}\n'; } >$T/tree/lib/x.c
is "counter: f has 122 lines, g 122" "$(sh $T/tree/tests/funclen.sh 120 lib | cut -d' ' -f1,3 | sort -k2 | tr '\n' ' ')" "122 f 122 g "
is "counter: limit 122 lists none" "$(sh $T/tree/tests/funclen.sh 122 lib)" ""
finish
