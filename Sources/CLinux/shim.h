// Linux calls that the Glibc module leaves out (GNU extensions); declarations only, from glibc.

// renameat2 with RENAME_EXCHANGE swaps two paths in one step (Linux 3.15; ext4, tmpfs, btrfs,
// xfs): a full build swaps its new output in without a moment in which the folder is missing.
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
              unsigned int flags);
#define PORTAL_RENAME_EXCHANGE 2
