// Linux calls that the Glibc module leaves out (GNU extensions), declarations only, from glibc;
// and the compiler's prefetch hint, which Swift has no way to write.

// renameat2 with RENAME_EXCHANGE swaps two paths in one step (Linux 3.15; ext4, tmpfs, btrfs,
// xfs): a full build swaps its new output in without a moment in which the folder is missing.
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
              unsigned int flags);
#define PORTAL_RENAME_EXCHANGE 2

// A hint that the line holding `address` is about to be written: a hash table's lookups issue
// it a few keys ahead, so their cache misses overlap instead of coming one by one.
static inline void portal_prefetch_write(const void *address) {
  __builtin_prefetch(address, 1, 3);
}
