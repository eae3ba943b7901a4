// Only jemalloc's control entry point: its full header also declares malloc and free, which
// would clash with the C library's in Swift. Linking the library is what replaces the allocator.
#include <stddef.h>
int mallctl(const char *name, void *oldp, size_t *oldlenp, void *newp, size_t newlen);
