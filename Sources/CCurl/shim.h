#ifndef BORDERWATCH_CCURL_SHIM_H
#define BORDERWATCH_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
   One typed wrapper per argument kind keeps the Swift side type-checked. */

static inline CURLcode bw_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bw_curl_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bw_curl_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*bw_curl_write_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode bw_curl_setopt_write_function(CURL *handle, CURLoption option, bw_curl_write_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

static inline CURLcode bw_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode bw_curl_getinfo_double(CURL *handle, CURLINFO info, double *value) {
    return curl_easy_getinfo(handle, info, value);
}

/* CURLOPT_XFERINFOFUNCTION: lets the notifier abort a transfer when it is stopping. */
typedef int (*bw_curl_xferinfo_callback)(void *context, curl_off_t dltotal, curl_off_t dlnow,
                                         curl_off_t ultotal, curl_off_t ulnow);

static inline CURLcode bw_curl_setopt_xferinfo_function(CURL *handle, bw_curl_xferinfo_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, callback);
}
#endif
