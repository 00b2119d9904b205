#!/bin/bash
# t0020-formats-owners.sh - one module owns each file format (issue 20.1,
# DESIGN.md): its struct, reader, writer and checks live in lib/<format>.c.
# Fails on any of these outside an owner, unless listed in ALLOW below:
#   H  a CSV header written by hand: fputs("a,b,...\n") or fprintf(fp, "a,b,...")
#      in a main (forecast/, schedule/, bin/) or a chart kind (lib/chart*.c,
#      which only read);
#   R  a private CSV reader: wfm_csv_open() (or _open_cols, _open_stream) in a
#      main or a chart kind;
#   P  libcsv called directly (csv_init/csv_parse) anywhere but lib/csv.c.
# Every other lib/ module is the owner of the format it reads or writes.
# The allow-list keys on file and the line's text (not its number), so a
# moved line still matches and a changed one must be looked at again.
# Shrink it: each entry is a debt of issue 20, not a design.
. "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

ALLOW=$(sed -e 's/[[:space:]]*#.*//' -e '/^$/d' <<'EOF_ALLOW'
# --- mains writing outputs no lib module owns yet (move to an io module) ---
# --- private readers ---
# (none: every chart kind and main reads through the owning lib module)
EOF_ALLOW
)

# "KIND FILE TEXT" for every finding (TEXT trimmed of indentation)
find_all() {
	local outside="forecast/*.c schedule/*.c bin/*.c lib/chart*.c"
	# shellcheck disable=SC2086
	grep -HE '(fputs\(|fprintf\([^,"]+, *)"[A-Za-z_]+,[A-Za-z_%,]+' $outside |
		sed -E 's/^([^:]+):[[:space:]]*/H \1 /'
	# shellcheck disable=SC2086
	grep -HE 'wfm_csv_open(_cols|_stream)?\(' $outside | sed -E 's/^([^:]+):[[:space:]]*/R \1 /'
	grep -rHE --include='*.[ch]' '\bcsv_(init|parse)\(' lib forecast schedule bin |
		grep -v '^lib/csv\.c:' | sed -E 's/^([^:]+):[[:space:]]*/P \1 /'
}
norm() { sed -E 's/[[:space:]]+/ /g; s/ $//'; }

find_all | norm | sort >$T/found
norm <<<"$ALLOW" | sort >$T/allow
comm -23 $T/found $T/allow >$T/stray
comm -13 $T/found $T/allow >$T/stale
is "stray headers / private readers outside their owner (see ALLOW)" "$(cat $T/stray)" ""
is "allow-list entries that no longer match (remove them)" "$(cat $T/stale)" ""
# the checker itself must catch a stray: a fake main with a header and a reader
mkdir -p $T/tree/schedule $T/tree/lib $T/tree/forecast $T/tree/bin
printf 'void f(FILE *fp)\n{\n\tfprintf(fp, "timestamp,channel,agents\\n");\n\twfm_csv_open(p, e);\n}\n' >$T/tree/schedule/x.c
(cd $T/tree && find_all 2>/dev/null) | norm >$T/self
is "checker sees a fake main's header and reader" "$(cut -d' ' -f1,2 $T/self | tr '\n' ' ')" "H schedule/x.c R schedule/x.c "
finish
