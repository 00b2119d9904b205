#!/bin/bash
# t0010-bad-input.sh - every case in tests/bad/cases.txt must fail cleanly:
# exit 1, one stderr line naming file:line: column (matching the case's
# pattern), and no output file or temporary file left behind.
# tests/bad/*.cases, one file per program, lines: "program :: arguments :: extended regex" ($B = tests/bad).
. "$(dirname "$0")/lib.sh"
B=$ROOT/tests/bad
cd "$B" || exit 1
while IFS= read -r line; do
	case "$line" in ''|'#'*) continue ;; esac
	prog=${line%% :: *}; rest=${line#* :: }
	args=${rest%% :: *}; pat=${rest#* :: }
	[ -x "$BIN/wfm-$prog" ] || { echo "skip (not built): $line" >&2; continue; }
	eval "set -- $args"
	fails_cleanly "$prog $args" "$pat" "$prog" "$@"
done < <(cat "$B"/*.cases)
finish
