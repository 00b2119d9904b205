#!/bin/bash
# t1240-docs-figures.sh - the figures README.md and docs/*.md quote from the
# demo are what the demo prints (issue 19.16): tests/demo.sh runs into a
# temporary directory, then tests/docs-figures.sh checks every marked
# figure (<!-- fig NAME FMT -->...<!-- /fig --> and figrows blocks) against
# its outputs.  On a difference it names file, line, figure and both
# values; `make docs-figures` rewrites them.  The checker itself is tried on
# a copy with two figures altered: both must be reported, and --write must
# restore the copy to the checked text.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
WFM_DEMO_OUT=$T/out sh tests/demo.sh >$T/demo.log 2>&1
is "demo exit" $? 0
sh tests/docs-figures.sh $T/out 2>$T/err
is "every quoted figure is the demo's (make docs-figures rewrites them)" $? 0
[ -s $T/err ] && head -n 20 $T/err >&2
ok "some figures are marked" test "$(cat README.md docs/*.md | grep -o '<!-- fig ' | wc -l)" -ge 40
# the checker catches a changed figure and a changed block line, and --write fixes both
sed -e 's/-->\([0-9,]*\)<!-- \/fig -->/-->9\1<!-- \/fig -->/' -e '/^calls  *regression /s/ 0\.7/ 0.8/' README.md >$T/R.md
sh tests/docs-figures.sh $T/out $T/R.md 2>$T/err2
is "altered copy: exit" $? 1
ok "altered copy: a figure named with both values" grep -Eq "R.md:[0-9]+: [a-z_.0-9-]+: the text says 9[0-9,]+, the demo gives [0-9,]+$" $T/err2
ok "altered copy: the block line named" grep -q "figrows: calls regression: the text says" $T/err2
sh tests/docs-figures.sh --write $T/out $T/R.md 2>/dev/null
ok "--write restores the text" cmp -s $T/R.md README.md
finish
