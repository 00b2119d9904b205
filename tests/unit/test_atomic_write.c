/* test_atomic_write.c - lib/atomic_write.c: the output guard refuses a
 * negative or non-finite quantity (no file appears), outputs committed
 * together share one modification time, and a failed output leaves no
 * side output. */
#include "check.h"
#include "atomic_write.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/wfm-atomic.XXXXXX";

static const char *path(const char *name)
{
	static char buf[4][128];
	static int k;

	k = (k + 1) % 4;
	snprintf(buf[k], sizeof(buf[k]), "%s/%s", dir, name);
	return buf[k];
}

static int exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

static void test_guard(void)
{
	wfm_error err = { 0 };
	char msg[400];
	wfm_atomic *out = wfm_atomic_open(path("f.csv"), &err);

	CHECK(out != NULL, "open: %s", err.msg);
	if (!out)
		return;
	fputs("timestamp,channel,volume,aht_s,volume_lo,volume_hi\n", wfm_atomic_fp(out));
	for (int i = 0; i < 2000; i++)   /* past stdio's buffer before the bad row */
		fprintf(wfm_atomic_fp(out), "2026-01-05T00:00,calls,%.2f,%.1f,,\n", 10.0, 300.0);
	fprintf(wfm_atomic_fp(out), "2026-01-06T00:00,calls,%.2f,%.1f,1,2\n", 5.0, -1167077.4);
	CHECK(wfm_atomic_commit(out, &err) == -1, "negative aht_s refused");
	wfm_error_format(&err, msg, sizeof(msg));
	CHECK(strstr(msg, "f.csv:2002: aht_s: \"-1167077.4\" is negative") != NULL, "message: %s", msg);
	CHECK(!exists(path("f.csv")), "no file written");

	out = wfm_atomic_open(path("g.csv"), &err);
	fprintf(wfm_atomic_fp(out), "timestamp,channel,volume\n2026-01-05T00:00,calls,%.2f\n", 1.0 / 0.0);
	CHECK(wfm_atomic_commit(out, &err) == -1 && !exists(path("g.csv")), "inf volume refused");
	out = wfm_atomic_open(path("h.csv"), &err);
	fprintf(wfm_atomic_fp(out), "timestamp,channel,volume\n2026-01-05T00:00,calls,%.2f\n", 0.0);
	CHECK(wfm_atomic_commit(out, &err) == 0 && exists(path("h.csv")), "good file written");
}

static void test_together(void)
{
	wfm_error err = { 0 };
	struct stat a, b;
	wfm_atomic *o[3];

	o[0] = wfm_atomic_open(path("cov.csv"), &err);
	o[1] = NULL;
	o[2] = wfm_atomic_open(path("plan.csv"), &err);
	fputs("x\n1\n", wfm_atomic_fp(o[0]));
	fputs("y\n2\n", wfm_atomic_fp(o[2]));
	CHECK(wfm_atomic_commit_all(o, 3, &err) == 0, "commit all: %s", err.msg);
	CHECK(stat(path("cov.csv"), &a) == 0 && stat(path("plan.csv"), &b) == 0, "both written");
	CHECK(a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec,
	      "one modification time");

	/* the main output fails (a bad quantity): the side output stays the old one */
	o[0] = wfm_atomic_open(path("cov.csv"), &err);
	o[1] = wfm_atomic_open(path("plan.csv"), &err);
	fputs("x\nnew\n", wfm_atomic_fp(o[0]));
	fputs("timestamp,count\nt,-1\n", wfm_atomic_fp(o[1]));
	CHECK(wfm_atomic_commit_all(o, 2, &err) == -1, "a failing output fails the commit");
	FILE *fp = fopen(path("cov.csv"), "r");
	char line[16] = "";
	if (fp) {
		fgets(line, sizeof(line), fp);
		fgets(line, sizeof(line), fp);
		fclose(fp);
	}
	CHECK_STR(line, "1\n", "side output not replaced");
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	test_guard();
	test_together();
	char cmd[160];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd))
		return 1;
	return check_done("test_atomic_write");
}
