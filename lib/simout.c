/* simout.c - wfm simulate's output CSV.  See simout.h. */
#include "simout.h"
#include "csv.h"
#include "timeutil.h"

#include <math.h>

static void num(FILE *fp, const char *fmt, double v)
{
	fputc(',', fp);
	if (isfinite(v))
		fprintf(fp, fmt, v);
}

void wfm_simout_header(FILE *fp, const struct wfm_simout *f)
{
	fputs(f->groups ? "timestamp,channel,volume,sl_target,sl_sim,sl_hw,asa_sim,asa_hw,abandon_sim,abandon_hw"
	      : "timestamp,channel,volume,agents,sl_formula,sl_sim,sl_hw,asa_formula,asa_sim,asa_hw,"
		"abandon_formula,abandon_sim,abandon_hw", fp);
	fputs(f->p_met ? ",p_met,p_met_hw\n" : "\n", fp);
}

void wfm_simout_row(FILE *fp, const struct wfm_simout *f, const wfm_tz *tz,
		    const struct wfm_simout_row *r)
{
	char when[48];

	wfm_time_format(r->t, tz, when, sizeof(when));
	fputs(when, fp);
	wfm_csv_write_field(fp, r->channel, 0);
	fprintf(fp, ",%.2f", r->volume);
	if (f->groups)
		num(fp, "%.2f", r->sl_target);
	else
		fprintf(fp, f->frac_agents ? ",%.2f" : ",%.10g", r->agents);
	if (!f->groups)
		num(fp, "%.4f", r->formula.sl);
	num(fp, "%.4f", r->sim.sl);
	num(fp, "%.4f", r->sim.sl_hw);
	if (!f->groups)
		num(fp, "%.1f", r->formula.asa);
	num(fp, "%.1f", r->sim.asa);
	num(fp, "%.1f", r->sim.asa_hw);
	if (!f->groups)
		num(fp, "%.4f", r->formula.abandon);
	num(fp, "%.4f", r->sim.abandon);
	num(fp, "%.4f", r->sim.abandon_hw);
	if (f->p_met) {
		num(fp, "%.3f", r->p_met);
		num(fp, "%.3f", r->p_met_hw);
	}
	fputc('\n', fp);
}
