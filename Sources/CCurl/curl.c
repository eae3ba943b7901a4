#include "CCurl.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

// The few libcurl entry points and option numbers used, as libcurl's ABI defines them (stable
// since libcurl 7): no development headers are needed to build.
typedef void CURL;
struct curl_slist;
enum {
  OPT_URL = 10002, OPT_RANGE = 10007, OPT_USERAGENT = 10018, OPT_HTTPHEADER = 10023,
  OPT_HEADERDATA = 10029, OPT_WRITEFUNCTION = 20011, OPT_HEADERFUNCTION = 20079,
  OPT_NOBODY = 44, OPT_FOLLOWLOCATION = 52, OPT_NOSIGNAL = 99, OPT_TIMEOUT_MS = 155,
  OPT_CONNECTTIMEOUT_MS = 156, INFO_RESPONSE_CODE = 0x200002, GLOBAL_ALL = 3,
};

static struct {
  int (*global_init)(long);
  CURL *(*easy_init)(void);
  int (*easy_setopt)(CURL *, int, ...);
  int (*easy_perform)(CURL *);
  int (*easy_getinfo)(CURL *, int, ...);
  void (*easy_cleanup)(CURL *);
  const char *(*easy_strerror)(int);
  struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
  void (*slist_free_all)(struct curl_slist *);
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int load_status = -1;
static char load_error[512];

static void load(void) {
  const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
  void *lib = NULL;
  for (unsigned i = 0; i < sizeof names / sizeof *names && !lib; i++) {
    lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  }
  if (!lib) {
    snprintf(load_error, sizeof load_error, "libcurl could not be loaded (%s)", dlerror());
    return;
  }
#define FIND(field, symbol)                                                                    \
  if (!(*(void **)&curl.field = dlsym(lib, symbol))) {                                        \
    snprintf(load_error, sizeof load_error, "libcurl has no %s", symbol);                     \
    return;                                                                                    \
  }
  FIND(global_init, "curl_global_init")
  FIND(easy_init, "curl_easy_init")
  FIND(easy_setopt, "curl_easy_setopt")
  FIND(easy_perform, "curl_easy_perform")
  FIND(easy_getinfo, "curl_easy_getinfo")
  FIND(easy_cleanup, "curl_easy_cleanup")
  FIND(easy_strerror, "curl_easy_strerror")
  FIND(slist_append, "curl_slist_append")
  FIND(slist_free_all, "curl_slist_free_all")
#undef FIND
  if (curl.global_init(GLOBAL_ALL) != 0) {
    snprintf(load_error, sizeof load_error, "libcurl could not start");
    return;
  }
  load_status = 0;
}

int portal_curl_load(void) {
  pthread_once(&once, load);
  return load_status;
}

const char *portal_curl_load_error(void) { return load_error; }

// The body is not read (HEAD, or one byte of a GET).
static size_t discard(char *data, size_t size, size_t count, void *user) {
  (void)data;
  (void)user;
  return size * count;
}

// Keeps Location and Retry-After of the last answer (a header line at a time).
static size_t header(char *line, size_t size, size_t count, void *user) {
  portal_http_answer *answer = user;
  size_t length = size * count;
  struct { const char *name; char *into; size_t room; } wanted[] = {
    {"location:", answer->location, sizeof answer->location},
    {"retry-after:", answer->retry_after, sizeof answer->retry_after},
  };
  if (length >= 5 && strncmp(line, "HTTP/", 5) == 0) {  // a new answer's status line
    answer->location[0] = 0;
    answer->retry_after[0] = 0;
  }
  for (unsigned i = 0; i < 2; i++) {
    size_t n = strlen(wanted[i].name);
    if (length < n || strncasecmp(line, wanted[i].name, n) != 0) continue;
    const char *value = line + n;
    size_t rest = length - n;
    while (rest > 0 && (*value == ' ' || *value == '\t')) value++, rest--;
    while (rest > 0 && (value[rest - 1] == '\r' || value[rest - 1] == '\n' || value[rest - 1] == ' '))
      rest--;
    if (rest >= wanted[i].room) rest = wanted[i].room - 1;
    memcpy(wanted[i].into, value, rest);
    wanted[i].into[rest] = 0;
  }
  return length;
}

void portal_curl_request(const char *url, const char *method, long timeout_ms,
                         const char *user_agent, portal_http_answer *answer) {
  memset(answer, 0, sizeof *answer);
  if (portal_curl_load() != 0) {
    answer->error = -1;
    snprintf(answer->message, sizeof answer->message, "%s", load_error);
    return;
  }
  CURL *handle = curl.easy_init();
  if (!handle) {
    answer->error = -1;
    snprintf(answer->message, sizeof answer->message, "libcurl could not start a request");
    return;
  }
  struct curl_slist *headers = curl.slist_append(NULL, "Accept: */*");
  curl.easy_setopt(handle, OPT_URL, url);
  curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
  curl.easy_setopt(handle, OPT_FOLLOWLOCATION, 0L);
  curl.easy_setopt(handle, OPT_TIMEOUT_MS, timeout_ms);
  curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl.easy_setopt(handle, OPT_USERAGENT, user_agent);
  curl.easy_setopt(handle, OPT_HTTPHEADER, headers);
  curl.easy_setopt(handle, OPT_WRITEFUNCTION, discard);
  curl.easy_setopt(handle, OPT_HEADERFUNCTION, header);
  curl.easy_setopt(handle, OPT_HEADERDATA, answer);
  if (strcmp(method, "HEAD") == 0) {
    curl.easy_setopt(handle, OPT_NOBODY, 1L);
  } else {
    curl.easy_setopt(handle, OPT_RANGE, "0-0");
  }
  int code = curl.easy_perform(handle);
  answer->error = code;
  if (code == 0) {
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &answer->status);
  } else {
    snprintf(answer->message, sizeof answer->message, "%s", curl.easy_strerror(code));
  }
  curl.easy_cleanup(handle);
  curl.slist_free_all(headers);
}
