#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
#include <stddef.h>

/* glibc's vectorised substring search, which the Glibc module leaves out (a GNU extension);
   Markdown post-processing searches each body's HTML with it. */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
