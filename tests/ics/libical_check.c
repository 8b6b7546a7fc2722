/* Reads an iCalendar file with libical (Debian's libical-dev, the parser of Evolution and older
 * Thunderbird) and prints one JSON line per VEVENT: {"uid", "start", "end", "summary"}, times in UTC
 * ("...Z") computed with the file's own VTIMEZONE (icalcomponent_get_dtstart resolves a TZID
 * against the calendar's VTIMEZONEs, not libical's built-in zones), or the date for VALUE=DATE.
 * Fails on any X-LIC-ERROR property, libical's mark for what it could not parse.
 *
 * Usage: libical_check FILE.ics   (the last line is "N passed, N failed") */
#include <libical/ical.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int passed = 0, failed = 0;

static void check(int ok, const char *what, const char *detail) {
  if (ok) {
    ++passed;
  } else {
    ++failed;
    fprintf(stderr, "FAIL %s %s\n", what, detail ? detail : "");
  }
}

static char *read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = malloc((size_t)size + 1);
  if (text && fread(text, 1, (size_t)size, f) != (size_t)size) {
    free(text);
    text = NULL;
  }
  if (text) text[size] = '\0';
  fclose(f);
  return text;
}

/* JSON string: escapes quotes, backslashes and control characters; UTF-8 passes through. */
static void print_json_string(const char *s) {
  putchar('"');
  for (; s && *s; ++s) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c);
    else if (c < 0x20) printf("\\u%04x", c);
    else putchar(c);
  }
  putchar('"');
}

/* The time as text in `out`: "YYYY-MM-DD" for a date, "YYYY-MM-DDTHH:MM:SSZ" for an instant, or
 * "" for a floating time (which has no instant). */
static void time_text(struct icaltimetype t, char *out, size_t size) {
  if (icaltime_is_null_time(t)) {
    out[0] = '\0';
    return;
  }
  if (t.is_date) {
    snprintf(out, size, "%04d-%02d-%02d", t.year, t.month, t.day);
    return;
  }
  const icaltimezone *zone = icaltime_is_utc(t) ? icaltimezone_get_utc_timezone() : t.zone;
  if (!zone) {
    out[0] = '\0';
    return;
  }
  time_t epoch = icaltime_as_timet_with_zone(t, zone);
  struct tm tm;
  gmtime_r(&epoch, &tm);
  strftime(out, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: libical_check FILE.ics\n");
    return 2;
  }
  char *text = read_file(argv[1]);
  check(text != NULL, "read", argv[1]);
  if (!text) {
    printf("%d passed, %d failed\n", passed, failed);
    return 1;
  }
  icalcomponent *root = icalparser_parse_string(text);
  check(root != NULL && icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT, "parse", "no VCALENDAR");
  if (!root) {
    printf("%d passed, %d failed\n", passed, failed);
    return 1;
  }
  int errors = icalcomponent_count_errors(root);
  check(errors == 0, "X-LIC-ERROR properties:", "");
  if (errors) {
    /* Print each one with the property it is about. */
    for (icalcomponent *c = icalcomponent_get_first_component(root, ICAL_ANY_COMPONENT); c;
         c = icalcomponent_get_next_component(root, ICAL_ANY_COMPONENT))
      for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
           p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
        fprintf(stderr, "  %s\n", icalproperty_get_xlicerror(p));
  }
  for (icalcomponent *ev = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
    const char *uid = icalcomponent_get_uid(ev);
    char start[40], end[40];
    struct icaltimetype dtstart = icalcomponent_get_dtstart(ev);
    time_text(dtstart, start, sizeof start);
    icalproperty *start_prop = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    icalparameter *tzid = start_prop ? icalproperty_get_first_parameter(start_prop, ICAL_TZID_PARAMETER) : NULL;
    if (tzid) check(dtstart.zone != NULL, uid, "DTSTART's TZID did not resolve to a VTIMEZONE of the file");
    check(start[0] != '\0', uid, "DTSTART has no instant");
    int has_end = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY) != NULL ||
                  icalcomponent_get_first_property(ev, ICAL_DURATION_PROPERTY) != NULL;
    if (has_end) time_text(icalcomponent_get_dtend(ev), end, sizeof end);
    printf("{\"uid\": ");
    print_json_string(uid);
    printf(", \"start\": ");
    print_json_string(start);
    if (has_end) {
      printf(", \"end\": ");
      print_json_string(end);
    } else {
      printf(", \"end\": null");
    }
    printf(", \"summary\": ");
    print_json_string(icalcomponent_get_summary(ev));
    printf("}\n");
  }
  icalcomponent_free(root);
  free(text);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
