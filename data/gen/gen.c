/*
 * gen.c - seeded generator of the wfm demo data (an e-commerce marketplace
 * support center in Moscow, Europe/Moscow, UTC+3 all year, no DST).
 *
 * Build and run (from the repository root):
 *   gcc -std=c11 -O2 -Wall -Wextra -Werror data/gen/gen.c \
 *       $(pkg-config --cflags --libs gsl) -lm -o /tmp/wfm-gen
 *   /tmp/wfm-gen data
 *
 * It writes history.csv, events.csv, channels.csv, rules.csv, staff.csv and
 * availability.csv into the directory given as argv[1].  All randomness comes
 * from GSL's mt19937 with fixed seeds, so the output is byte-identical from
 * run to run.
 *
 * Model of the hourly volume of channel c in hour h of day d:
 *
 *   mean = TARGET[c]                         contacts on a normal weekday at
 *                                            REF_DAY (Wed 2026-11-18)
 *        * growth(d)                         1.25 ^ (years since REF_DAY)
 *        * yearly(d) / yearly(REF_DAY)       1 + 0.15 cos(2 pi (doy - 340)/365.25)
 *        * weekly[c][weekday] (Mon-Fri mean 1)
 *        * event(d, c)                       holidays and sales, see events.csv
 *        * dayNoise(d, c)                    lognormal, sd 4 %
 *        * shape[c][weekday][h]              intraday profile, sums to 1 a day
 *        * outlier(d, h, c)                  the few injected incidents
 *   volume ~ Poisson(mean)
 *
 * Event multipliers m are damped per channel: 1 + SENS[c] (m - 1), because
 * letters and declarations react less to sales and holidays than the live
 * channels.  Average handle time of the hour:
 *
 *   aht = AHT_BASE[c] * 0.97 ^ (years since REF_DAY) * ahtShape[c][h]
 *       * outlierAht * lognormal(sd = sqrt(0.03^2 + 0.6^2 / volume))
 *
 * i.e. the mean of `volume` contacts whose individual handle times have a
 * coefficient of variation of 0.6, plus a small hour-level drift.
 */
#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- seeds */
#define SEED_HISTORY 20241125UL
#define SEED_STAFF 20261123UL

/* ------------------------------------------------------------- channels */
enum { CALLS, CHAT, LETTERS, DECLARATIONS, N_CH };
static const char *const CH_NAME[N_CH] = {"calls", "chat", "letters",
                                          "declarations"};

/* Contacts on a normal weekday at REF_DAY (Mon-Fri mean).  Sized so that
 * the 120 agents of staff.csv can staff a normal week (about 4,100 paid
 * hours against 4,350 contracted) and peak weeks need overtime. */
static const double TARGET[N_CH] = {1450, 900, 325, 145};
/* Average handle time at REF_DAY, seconds. */
static const double AHT_BASE[N_CH] = {300, 600, 420, 720};
/* How strongly each channel follows event multipliers. */
static const double SENS[N_CH] = {1.0, 1.0, 0.6, 0.5};

#define GROWTH_PER_YEAR 0.25
#define AHT_TREND_PER_YEAR (-0.03)
#define YEARLY_AMPLITUDE 0.15
#define YEARLY_PEAK_DOY 340.0 /* about Dec 6 */
#define DAY_NOISE_SD 0.04
#define AHT_CONTACT_CV 0.6
#define AHT_HOUR_SD 0.03
#define AHT_MIN_S 30
#define DAYS_PER_YEAR 365.25
#define PI 3.14159265358979323846

/* History span: Mon 2024-11-25 .. Sun 2026-11-22, 104 full weeks. */
#define HIST_DAYS 728

/* Weekday factors, Mon..Sun; normalised at run time to a Mon-Fri mean 1. */
static const double WEEKLY[N_CH][7] = {
    {1.12, 1.05, 1.00, 0.98, 0.95, 0.70, 0.62}, /* calls: quiet weekend */
    {1.02, 0.98, 0.97, 0.98, 1.00, 1.00, 1.12}, /* chat: busy Sunday */
    {1.18, 1.04, 0.98, 0.95, 0.92, 0.60, 0.55}, /* letters */
    {1.20, 1.05, 0.98, 0.93, 0.90, 0.45, 0.40}, /* declarations */
};

/* Raw intraday weights by hour 0..23 (normalised at run time). */
static const double HOURLY[N_CH][24] = {
    /* calls: open 08-22, peaks 11:00 and 19:00, small night volume */
    {0.40, 0.20, 0.15, 0.10, 0.10, 0.15, 0.30, 0.80, 3.50, 6.00, 7.50, 8.00,
     7.20, 6.80, 6.60, 6.50, 6.60, 7.00, 7.60, 7.80, 6.50, 4.50, 1.50, 0.80},
    /* chat: closed 01-07, busiest in the evening */
    {3.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 1.00, 2.00, 3.20, 4.00, 4.50,
     4.80, 4.80, 4.80, 5.00, 5.20, 5.60, 6.20, 6.80, 7.20, 7.40, 6.80, 5.00},
    /* letters: e-mail arrives around the clock, less at night */
    {1.50, 1.00, 0.80, 0.70, 0.70, 0.90, 1.50, 2.50, 4.00, 5.50, 6.00, 6.00,
     5.80, 5.80, 5.80, 5.60, 5.40, 5.00, 4.50, 4.20, 3.80, 3.30, 2.80, 2.00},
    /* declarations: uploaded mostly in business hours */
    {0.80, 0.50, 0.40, 0.30, 0.30, 0.50, 1.00, 2.00, 4.50, 6.50, 7.00, 7.00,
     6.50, 6.80, 6.80, 6.50, 6.00, 5.00, 4.00, 3.20, 2.60, 2.00, 1.60, 1.20},
};
#define CHAT_SUNDAY_EVENING_BOOST 1.35 /* hours 18-23 on Sundays */
#define CALLS_WEEKEND_MORNING_DAMP 0.60 /* hours 08-09 on Sat/Sun */

/* AHT multipliers by hour: long night calls, slower chats at the evening
 * peak (agents juggle two chats); letters and declarations are handled as
 * office work whenever they arrive, so their AHT has no intraday shape. */
static double aht_shape(int ch, int h)
{
    if (ch == CALLS)
        return h < 8 ? 1.10 : h >= 18 ? 1.03 : 1.0;
    if (ch == CHAT)
        return (h >= 19 || h == 0) ? 1.06 : 1.0;
    return 1.0;
}

/* ---------------------------------------------------------------- dates */
/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
static int weekday(long day) { return (int)(((day % 7) + 7 + 3) % 7); }

static int day_of_year(long day)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    return (int)(day - days_from_civil(y, 1, 1)) + 1;
}

static void format_date(long day, char buf[11])
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
             (unsigned)m % 100u, (unsigned)d % 100u);
}

static const char *const WD_NAME[7] = {"Mon", "Tue", "Wed", "Thu",
                                       "Fri", "Sat", "Sun"};

/* --------------------------------------------------------------- events */
typedef struct {
    long day;
    const char *name;
    double mult;        /* on the day itself */
    int before;         /* raised/lowered days before ... */
    double before_mult; /* ... and their multiplier */
    int after;
    double after_mult;
} Event;

#define MAX_EVENTS 64
static Event events[MAX_EVENTS];
static int n_events;

static void add_event(long day, const char *name, double mult, int before,
                      double before_mult, int after, double after_mult)
{
    if (n_events == MAX_EVENTS) {
        fprintf(stderr, "wfm-gen: too many events\n");
        exit(1);
    }
    events[n_events++] =
        (Event){day, name, mult, before, before_mult, after, after_mult};
}

static long last_friday_of_november(int y)
{
    long day = days_from_civil(y, 11, 30);
    while (weekday(day) != 4)
        day--;
    return day;
}

/* The yearly calendar; New Year's Day belongs to the year it starts. */
static void add_year_events(int y)
{
    long bf = last_friday_of_november(y);
    add_event(days_from_civil(y, 1, 1), "New Year holidays", 0.45, 0, 1, 7,
              0.70);
    add_event(days_from_civil(y, 2, 23), "Defender of the Fatherland Day",
              0.80, 3, 1.08, 0, 1);
    add_event(days_from_civil(y, 3, 8), "International Women's Day", 0.75, 3,
              1.12, 0, 1);
    add_event(days_from_civil(y, 5, 1), "Spring and Labour Day", 0.75, 0, 1,
              2, 0.85);
    add_event(days_from_civil(y, 5, 9), "Victory Day", 0.75, 0, 1, 1, 0.90);
    add_event(days_from_civil(y, 6, 12), "Russia Day", 0.85, 0, 1, 0, 1);
    add_event(days_from_civil(y, 11, 4), "Unity Day", 0.85, 0, 1, 0, 1);
    add_event(days_from_civil(y, 11, 11), "11.11 sale", 2.00, 1, 1.15, 2,
              1.30);
    add_event(bf, "Black Friday", 2.70, 2, 1.30, 2, 1.50);
    add_event(bf + 3, "Cyber Monday", 1.80, 0, 1, 1, 1.20);
    add_event(days_from_civil(y, 12, 31), "New Year's Eve", 0.70, 0, 1, 0,
              1);
}

/* events.csv covers 2024-11-01 .. 2027-01-10. */
#define EVENTS_FROM_Y 2024
#define EVENTS_FROM_M 11
#define EVENTS_TO_Y 2027
#define EVENTS_TO_M 1
#define EVENTS_TO_D 10

static void build_events(void)
{
    long from = days_from_civil(EVENTS_FROM_Y, EVENTS_FROM_M, 1);
    long to = days_from_civil(EVENTS_TO_Y, EVENTS_TO_M, EVENTS_TO_D);
    for (int y = EVENTS_FROM_Y; y <= EVENTS_TO_Y; y++)
        add_year_events(y);
    int k = 0; /* keep only the window, in date order */
    for (int i = 0; i < n_events; i++)
        if (events[i].day >= from && events[i].day <= to)
            events[k++] = events[i];
    n_events = k;
    for (int i = 1; i < n_events; i++) /* insertion sort by date */
        for (int j = i; j > 0 && events[j].day < events[j - 1].day; j--) {
            Event t = events[j];
            events[j] = events[j - 1];
            events[j - 1] = t;
        }
}

/* Combined (product) multiplier of all events touching `day`. */
static double event_mult(long day)
{
    double m = 1.0;
    for (int i = 0; i < n_events; i++) {
        const Event *e = &events[i];
        long off = day - e->day;
        if (off == 0)
            m *= e->mult;
        else if (off < 0 && -off <= e->before)
            m *= e->before_mult;
        else if (off > 0 && off <= e->after)
            m *= e->after_mult;
    }
    return m;
}

/* ------------------------------------------------------------- outliers */
typedef struct {
    int y, m, d, h, hours, ch;
    double vol_mult, aht_mult;
    const char *what;
} Outlier;

static const Outlier OUTLIERS[] = {
    {2025, 2, 12, 10, 3, CALLS, 3.0, 0.70, "payment gateway outage"},
    {2025, 2, 12, 10, 3, CHAT, 2.5, 0.70, "payment gateway outage"},
    {2025, 6, 3, 19, 2, CHAT, 4.0, 0.60, "mobile app login failure"},
    {2025, 8, 20, 9, 2, CALLS, 0.10, 1.00, "telephony provider outage"},
    {2025, 10, 14, 14, 1, CALLS, 3.5, 0.80, "erroneous discount SMS blast"},
    {2026, 4, 7, 11, 3, LETTERS, 5.0, 0.90, "courier partner failure"},
    {2026, 9, 16, 20, 2, CHAT, 0.0, 1.00, "chat platform outage"},
};
#define N_OUTLIERS (sizeof OUTLIERS / sizeof OUTLIERS[0])

static const Outlier *find_outlier(long day, int h, int ch)
{
    for (size_t i = 0; i < N_OUTLIERS; i++) {
        const Outlier *o = &OUTLIERS[i];
        if (o->ch == ch && days_from_civil(o->y, o->m, o->d) == day &&
            h >= o->h && h < o->h + o->hours)
            return o;
    }
    return NULL;
}

/* ---------------------------------------------------------- the model */
static long ref_day; /* REF_DAY: Wed 2026-11-18 */
static double weekly_norm[N_CH][7];
static double shape[N_CH][7][24];

static double yearly(long day)
{
    double x = 2 * PI * (day_of_year(day) - YEARLY_PEAK_DOY) / DAYS_PER_YEAR;
    return 1 + YEARLY_AMPLITUDE * cos(x);
}

static double years_since_ref(long day)
{
    return (double)(day - ref_day) / DAYS_PER_YEAR;
}

static void init_weekly(void)
{
    for (int c = 0; c < N_CH; c++) {
        double s = 0;
        for (int w = 0; w < 5; w++)
            s += WEEKLY[c][w];
        for (int w = 0; w < 7; w++)
            weekly_norm[c][w] = WEEKLY[c][w] / (s / 5);
    }
}

static void init_shapes(void)
{
    for (int c = 0; c < N_CH; c++)
        for (int w = 0; w < 7; w++) {
            double s = 0;
            for (int h = 0; h < 24; h++) {
                double x = HOURLY[c][h];
                if (c == CHAT && w == 6 && h >= 18)
                    x *= CHAT_SUNDAY_EVENING_BOOST;
                if (c == CALLS && w >= 5 && (h == 8 || h == 9))
                    x *= CALLS_WEEKEND_MORNING_DAMP;
                shape[c][w][h] = x;
                s += x;
            }
            for (int h = 0; h < 24; h++)
                shape[c][w][h] /= s;
        }
}

/* Expected contacts of channel c on `day`, before day noise. */
static double daily_mean(int c, long day)
{
    double ev = 1 + SENS[c] * (event_mult(day) - 1);
    return TARGET[c] * pow(1 + GROWTH_PER_YEAR, years_since_ref(day)) *
           yearly(day) / yearly(ref_day) * weekly_norm[c][weekday(day)] * ev;
}

static double lognormal_factor(gsl_rng *r, double sd)
{
    return exp(gsl_ran_gaussian(r, sd) - sd * sd / 2);
}

static long hour_aht(gsl_rng *r, int c, long day, int h, unsigned vol,
                     const Outlier *o)
{
    double sd = sqrt(AHT_HOUR_SD * AHT_HOUR_SD +
                     AHT_CONTACT_CV * AHT_CONTACT_CV / vol);
    double aht = AHT_BASE[c] *
                 pow(1 + AHT_TREND_PER_YEAR, years_since_ref(day)) *
                 aht_shape(c, h) * (o ? o->aht_mult : 1.0) *
                 lognormal_factor(r, sd);
    long s = lround(aht);
    return s < AHT_MIN_S ? AHT_MIN_S : s;
}

static void write_history_day(FILE *f, gsl_rng *r, long day)
{
    double mean[N_CH];
    int w = weekday(day);
    char date[11];
    format_date(day, date);
    for (int c = 0; c < N_CH; c++)
        mean[c] = daily_mean(c, day) * lognormal_factor(r, DAY_NOISE_SD);
    for (int h = 0; h < 24; h++)
        for (int c = 0; c < N_CH; c++) {
            const Outlier *o = find_outlier(day, h, c);
            double mu = mean[c] * shape[c][w][h] * (o ? o->vol_mult : 1.0);
            unsigned vol = mu > 0 ? gsl_ran_poisson(r, mu) : 0;
            long aht = vol > 0 ? hour_aht(r, c, day, h, vol, o) : 0;
            fprintf(f, "%sT%02d:00,%s,%u,%ld\n", date, h, CH_NAME[c], vol,
                    aht);
        }
}

/* ------------------------------------------------------------- output */
static const char *out_dir;

static FILE *open_out(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", out_dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

static void close_out(FILE *f, const char *name)
{
    if (ferror(f) || fclose(f) != 0) {
        fprintf(stderr, "wfm-gen: %s: write error\n", name);
        exit(1);
    }
}

static void write_history(void)
{
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, SEED_HISTORY);
    FILE *f = open_out("history.csv");
    fputs("timestamp,channel,volume,aht_s\n", f);
    long start = days_from_civil(2024, 11, 25);
    for (long day = start; day < start + HIST_DAYS; day++)
        write_history_day(f, r, day);
    close_out(f, "history.csv");
    gsl_rng_free(r);
}

static void write_events(void)
{
    FILE *f = open_out("events.csv");
    char date[11];
    fputs("date,name,effect_days_before,effect_days_after\n", f);
    for (int i = 0; i < n_events; i++) {
        format_date(events[i].day, date);
        fprintf(f, "%s,%s,%d,%d\n", date, events[i].name, events[i].before,
                events[i].after);
    }
    close_out(f, "events.csv");
}

static void write_channels(void)
{
    FILE *f = open_out("channels.csv");
    fputs("channel,kind,aht_s,sl_target,sl_seconds,max_occupancy,shrinkage,"
          "concurrency,patience_s,deadline_h\n"
          "calls,erlang_a,300,0.80,20,0.88,0.30,1,180,0\n"
          "chat,chat,600,0.80,30,0.85,0.30,2,120,0\n"
          "letters,backlog,420,0,0,0,0.30,1,0,24\n"
          "declarations,backlog,720,0,0,0,0.30,1,0,48\n",
          f);
    close_out(f, "channels.csv");
}

static void write_rules(void)
{
    FILE *f = open_out("rules.csv");
    fputs("name,lengths_h,earliest_start,latest_start,step_min,"
          "break_after_h,break_min,days\n"
          "day,4|6|8|9,07:00,15:00,30,6,30,all\n"
          "evening,4|6|8,16:00,17:00,30,6,30,all\n"
          "night,8|9,22:00,23:00,60,6,30,all\n",
          f);
    close_out(f, "rules.csv");
}

/* ---------------------------------------------------------------- staff */
#define N_STAFF 120
#define P_MULTI_SKILL 0.60    /* agents with 2+ skills */
#define P_THIRD_SKILL 0.30    /* of those, agents with 3 */
#define P_INTERNATIONAL 0.12  /* names from the international list */
#define P_FEMALE 0.62
#define N_STUDENTS 12         /* 16:00-24:00 */
#define N_PARENTS 12          /* 08:00-18:00 */
#define P_NO_DAYS_OFF 0.35

static const int PRIMARY_COUNT[N_CH] = {50, 35, 20, 15};

/* Likelihood of a second skill given the primary one (row). */
static const double AFFINITY[N_CH][N_CH] = {
    {0, 6, 2, 1}, {6, 0, 3, 1}, {1, 3, 0, 6}, {1, 1, 6, 0}};

static const char *const MALE[] = {
    "Alexei", "Dmitry", "Sergei", "Andrei", "Ivan",  "Mikhail", "Nikolai",
    "Pavel",  "Roman",  "Artem",  "Maxim",  "Denis", "Kirill",  "Yuri",
    "Oleg",   "Vladimir", "Egor", "Ilya",   "Timur", "Ruslan"};
static const char *const FEMALE[] = {
    "Anna",    "Maria",  "Elena",     "Olga",   "Natalia", "Irina",  "Svetlana",
    "Tatiana", "Ekaterina", "Yulia",  "Daria",  "Anastasia", "Ksenia",
    "Polina",  "Victoria", "Alina",   "Sofia",  "Valeria", "Aigul",  "Dina"};
/* Male surname forms; the female form adds -a (or -sky -> -skaya). */
static const char *const SURNAME[] = {
    "Petrov",   "Ivanov",   "Smirnov",  "Kuznetsov", "Popov",    "Sokolov",
    "Lebedev",  "Kozlov",   "Novikov",  "Morozov",   "Volkov",   "Solovyov",
    "Vasiliev", "Zaitsev",  "Pavlov",   "Semyonov",  "Golubev",  "Vinogradov",
    "Bogdanov", "Vorobyov", "Fedorov",  "Mikhailov", "Belyaev",  "Tarasov",
    "Belov",    "Komarov",  "Orlov",    "Kiselev",   "Makarov",  "Andreev",
    "Aliev",    "Karimov",  "Gafurov",  "Kovalevsky", "Zhukovsky",
    "Dobrovolsky"};
static const char *const INTERNATIONAL[] = {
    "David Kim",     "Maria Garcia",  "Lena Mueller", "Ahmed Hassan",
    "Chen Wei",      "Sara Cohen",    "Jonas Berg",   "Lucia Rossi",
    "Kwame Mensah",  "Priya Sharma",  "Tomas Novak",  "Aiko Tanaka",
    "Omar Haddad",   "Emma Laurent",  "Mateo Silva",  "Zeynep Yilmaz"};
#define LEN(a) ((int)(sizeof(a) / sizeof((a)[0])))

static const char *const DAYS_OFF[] = {
    "Sat|Sun", "Sat|Sun", "Sun|Mon", "Mon|Tue", "Tue|Wed",
    "Wed|Thu", "Thu|Fri", "Fri|Sat"};

typedef struct {
    char id[8], name[64], skills[64];
    int contract_h, min_h, max_h;
    const char *earliest, *latest, *days_off;
} Agent;

static Agent staff[N_STAFF];

static int pick(gsl_rng *r, int n) { return (int)gsl_rng_uniform_int(r, n); }

static int name_taken(const char *name, int upto)
{
    for (int i = 0; i < upto; i++)
        if (strcmp(staff[i].name, name) == 0)
            return 1;
    return 0;
}

static void russian_name(gsl_rng *r, char *buf, size_t n)
{
    const char *sur = SURNAME[pick(r, LEN(SURNAME))];
    size_t len = strlen(sur);
    if (gsl_rng_uniform(r) >= P_FEMALE)
        snprintf(buf, n, "%s %s", MALE[pick(r, LEN(MALE))], sur);
    else if (len > 3 && strcmp(sur + len - 3, "sky") == 0)
        snprintf(buf, n, "%s %.*saya", FEMALE[pick(r, LEN(FEMALE))],
                 (int)(len - 1), sur);
    else
        snprintf(buf, n, "%s %sa", FEMALE[pick(r, LEN(FEMALE))], sur);
}

static void make_name(gsl_rng *r, int i, int *next_intl)
{
    char buf[64];
    do {
        if (*next_intl < LEN(INTERNATIONAL) &&
            gsl_rng_uniform(r) < P_INTERNATIONAL)
            snprintf(buf, sizeof buf, "%s", INTERNATIONAL[(*next_intl)++]);
        else
            russian_name(r, buf, sizeof buf);
    } while (name_taken(buf, i));
    snprintf(staff[i].name, sizeof staff[i].name, "%s", buf);
}

static int secondary_skill(gsl_rng *r, int primary, const int *has)
{
    double total = 0, u;
    for (int c = 0; c < N_CH; c++)
        total += has[c] ? 0 : AFFINITY[primary][c];
    u = gsl_rng_uniform(r) * total;
    for (int c = 0; c < N_CH; c++) {
        double a = has[c] ? 0 : AFFINITY[primary][c];
        if (u < a)
            return c;
        u -= a;
    }
    for (int c = N_CH - 1; c >= 0; c--) /* rounding fallback */
        if (!has[c])
            return c;
    return primary;
}

static void make_skills(gsl_rng *r, Agent *a, int primary)
{
    int has[N_CH] = {0}, n = 1;
    has[primary] = 1;
    if (gsl_rng_uniform(r) < P_MULTI_SKILL)
        n = gsl_rng_uniform(r) < P_THIRD_SKILL ? 3 : 2;
    for (int k = 1; k < n; k++)
        has[secondary_skill(r, primary, has)] = 1;
    strcpy(a->skills, CH_NAME[primary]);
    for (int c = 0; c < N_CH; c++)
        if (has[c] && c != primary) {
            strcat(a->skills, "|");
            strcat(a->skills, CH_NAME[c]);
        }
}

/* Working pattern by profile: 0 regular, 1 student, 2 parent. */
static void make_pattern(gsl_rng *r, Agent *a, int profile)
{
    double u = gsl_rng_uniform(r);
    a->min_h = 4;
    a->max_h = 9;
    if (profile == 1) {
        a->contract_h = u < 0.6 ? 20 : 30;
        a->earliest = "16:00", a->latest = "24:00", a->max_h = 8;
    } else if (profile == 2) {
        a->contract_h = u < 0.5 ? 30 : 40;
        a->earliest = "08:00", a->latest = "18:00";
    } else {
        a->contract_h = u < 0.88 ? 40 : u < 0.96 ? 30 : 20;
        int free = gsl_rng_uniform(r) < 0.8;
        a->earliest = free ? "00:00" : "07:00", a->latest = "24:00";
    }
    if (profile == 2)
        a->days_off = "Sat|Sun";
    else if (gsl_rng_uniform(r) < P_NO_DAYS_OFF)
        a->days_off = "";
    else
        a->days_off = DAYS_OFF[pick(r, LEN(DAYS_OFF))];
}

static void build_staff(gsl_rng *r)
{
    int primary[N_STAFF], profile[N_STAFF], k = 0, next_intl = 0;
    for (int c = 0; c < N_CH; c++)
        for (int j = 0; j < PRIMARY_COUNT[c]; j++)
            primary[k++] = c;
    for (int i = 0; i < N_STAFF; i++)
        profile[i] = i < N_STUDENTS ? 1 : i < N_STUDENTS + N_PARENTS ? 2 : 0;
    gsl_ran_shuffle(r, primary, N_STAFF, sizeof(int));
    gsl_ran_shuffle(r, profile, N_STAFF, sizeof(int));
    for (int i = 0; i < N_STAFF; i++) {
        snprintf(staff[i].id, sizeof staff[i].id, "A%03d", i + 1);
        make_name(r, i, &next_intl);
        make_skills(r, &staff[i], primary[i]);
        make_pattern(r, &staff[i], profile[i]);
    }
}

static void write_staff(void)
{
    FILE *f = open_out("staff.csv");
    fputs("id,name,skills,contract_h_week,min_shift_h,max_shift_h,"
          "earliest_start,latest_end,days_off\n",
          f);
    for (int i = 0; i < N_STAFF; i++) {
        const Agent *a = &staff[i];
        fprintf(f, "%s,%s,%s,%d,%d,%d,%s,%s,%s\n", a->id, a->name, a->skills,
                a->contract_h, a->min_h, a->max_h, a->earliest, a->latest,
                a->days_off);
    }
    close_out(f, "staff.csv");
}

/* --------------------------------------------------------- availability */
typedef struct {
    int d0, n;  /* first day (in November or December 2026) and length */
    int month;
    const char *status;
} Absence;

/* Sick leave and vacations in the demo horizon 2026-11-23 .. 2026-12-06;
 * no vacation in Black Friday week, as in real contact centers. */
static const Absence ABSENCES[] = {
    {24, 2, 11, "sick"},     {26, 1, 11, "sick"},     {30, 5, 11, "vacation"},
    {1, 2, 12, "sick"},      {1, 5, 12, "vacation"},  {3, 1, 12, "sick"},
};
#define N_ABSENCES (sizeof ABSENCES / sizeof ABSENCES[0])
#define N_EXTRA_WEEKEND 2 /* weekend-off agents who will work BF Saturday */

static void write_absence(FILE *f, const char *id, const Absence *a)
{
    char date[11];
    long d0 = days_from_civil(2026, a->month, a->d0);
    for (long day = d0; day < d0 + a->n; day++) {
        format_date(day, date);
        fprintf(f, "%s,%s,%s\n", id, date, a->status);
    }
}

static void write_availability(gsl_rng *r)
{
    int ids[N_STAFF], used = 0;
    for (int i = 0; i < N_STAFF; i++)
        ids[i] = i;
    gsl_ran_shuffle(r, ids, N_STAFF, sizeof(int));
    FILE *f = open_out("availability.csv");
    fputs("agent_id,date,status\n", f);
    for (size_t k = 0; k < N_ABSENCES; k++)
        write_absence(f, staff[ids[used++]].id, &ABSENCES[k]);
    for (int i = 0, extra = 0; i < N_STAFF && extra < N_EXTRA_WEEKEND; i++)
        if (strcmp(staff[i].days_off, "Sat|Sun") == 0 &&
            strcmp(staff[i].earliest, "08:00") != 0) {
            fprintf(f, "%s,2026-11-28,available\n", staff[i].id);
            extra++;
        }
    close_out(f, "availability.csv");
}

/* ------------------------------------------------------------ summary */
static void print_summary(void)
{
    char date[11];
    for (int i = 0; i < n_events; i++)
        if (strcmp(events[i].name, "Black Friday") == 0) {
            double t = 0;
            for (int c = 0; c < N_CH; c++)
                t += daily_mean(c, events[i].day);
            format_date(events[i].day, date);
            fprintf(stderr, "expected contacts on %s (%s, %s): %.0f\n", date,
                    events[i].name, WD_NAME[weekday(events[i].day)], t);
        }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: wfm-gen OUTPUT_DIR\n");
        return 2;
    }
    out_dir = argv[1];
    ref_day = days_from_civil(2026, 11, 18);
    init_weekly();
    init_shapes();
    build_events();
    write_history();
    write_events();
    write_channels();
    write_rules();
    gsl_rng *r = gsl_rng_alloc(gsl_rng_mt19937);
    gsl_rng_set(r, SEED_STAFF);
    build_staff(r);
    write_staff();
    write_availability(r);
    gsl_rng_free(r);
    if (getenv("WFM_GEN_VERBOSE"))
        print_summary();
    return 0;
}
