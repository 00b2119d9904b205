/* test_strlist.c - lib/strlist.c: "a|b|c" and "calls,chat" lists, each item
 * trimmed of spaces, empty items kept, an empty string an empty list, and
 * lookup by exact name. */
#include "check.h"
#include "strlist.h"

int main(void)
{
	wfm_strlist l;

	CHECK(wfm_strlist_split(" calls | chat|letters ", '|', &l) == 0 && l.n == 3, "three items");
	if (l.n == 3) {
		CHECK_STR(l.item[0], "calls", "first trimmed");
		CHECK_STR(l.item[1], "chat", "second trimmed");
		CHECK_STR(l.item[2], "letters", "last trimmed");
	}
	CHECK(wfm_strlist_find(&l, "chat") == 1, "find chat");
	CHECK(wfm_strlist_find(&l, "Chat") == -1, "case-sensitive");
	CHECK(wfm_strlist_find(&l, " chat") == -1, "the query is not trimmed");
	wfm_strlist_free(&l);

	CHECK(wfm_strlist_split("", ',', &l) == 0 && l.n == 0, "empty string: no items");
	CHECK(wfm_strlist_find(&l, "") == -1, "nothing found in an empty list");
	wfm_strlist_free(&l);

	CHECK(wfm_strlist_split("a,,b,", ',', &l) == 0 && l.n == 4, "empty items kept: %zu", l.n);
	if (l.n == 4) {
		CHECK_STR(l.item[1], "", "empty middle");
		CHECK_STR(l.item[3], "", "empty last");
	}
	CHECK(wfm_strlist_find(&l, "b") == 2, "b after the empty item");
	wfm_strlist_free(&l);

	CHECK(wfm_strlist_split("звонки|чат", '|', &l) == 0 && l.n == 2, "Cyrillic");
	if (l.n == 2)
		CHECK_STR(l.item[1], "чат", "Cyrillic item");
	wfm_strlist_free(&l);
	CHECK(wfm_strlist_split("calls|chat", ',', &l) == 0 && l.n == 1, "other separator: one item");
	wfm_strlist_free(&l);
	return check_done("test_strlist");
}
