// libcurl, loaded at run time (dlopen) by `portal check --external` only. Linking it, through
// FoundationNetworking as before, made every start of `portal` load libcurl and its TLS and
// Kerberos libraries: about 16 ms of each command's 38.
#ifndef PORTAL_CCURL_H
#define PORTAL_CCURL_H

/// 0 when libcurl was loaded (once per process); else non-zero, and `portal_curl_load_error`
/// says why.
int portal_curl_load(void);
const char *portal_curl_load_error(void);

/// What one request gave: the status and two headers, or curl's error.
typedef struct {
  long status;
  int error;            // curl's CURLcode: 0 for an answer
  char message[256];    // curl's words for `error`
  char location[2048];  // the Location header, "" when there is none
  char retry_after[128];
} portal_http_answer;

/// One request, redirects not followed. `method` "HEAD" asks without a body; "GET" asks for
/// its first byte only (Range: bytes=0-0). Blocks for at most `timeout_ms`.
void portal_curl_request(const char *url, const char *method, long timeout_ms,
                         const char *user_agent, portal_http_answer *answer);

#endif
