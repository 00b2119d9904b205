#!/bin/bash
# t0021-gsl-policy.sh - one GSL error policy (issue 20.5): every program's
# main() calls wfm_gsl_policy() (lib/gslpolicy.c) before any work, and no
# other file sets a GSL error handler of its own.  tests/unit/test_gslpolicy.c
# shows what the policy buys: a GSL domain error in lib/ returns, not aborts.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

n=0
for f in forecast/*.c schedule/*.c bin/*.c; do
	[ "$f" = bin/wfm.c ] && continue          # the dispatcher only execs
	grep -q '^int main' "$f" || continue
	n=$((n + 1))
	# the first statement-level call in main's body, before option parsing
	awk '/^int main/ { m = 1 } m && /wfm_gsl_policy\(\);/ { found = 1 } m && /^}/ { exit }
	     END { exit !found }' "$f"
	_res $? "$f: main() calls wfm_gsl_policy()"
done
ok "programs found" test "$n" -ge 10
is "no other GSL handler" "$(grep -rl --include='*.[ch]' 'gsl_set_error_handler' lib forecast schedule bin | grep -v '^lib/gslpolicy\.c$')" ""
finish
