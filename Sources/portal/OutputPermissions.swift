import Foundation

/// The output is a site for everyone to read: a web server's user must read every file. Under
/// a strict umask (077, common on shared CI runners and for root's shell) the files had been
/// made `rw-------` and the folders `rwx------`, the web server answered 403, and a later build
/// under 022 rewrote only the changed files, so some pages worked and others did not. The
/// umask's read and search bits are cleared, its write bits kept: the build's files, created
/// `rw-r--r--` and folders `rwxr-xr-x`, come out so; a file created asking for more (through
/// Foundation, `rw-rw-rw-`) still loses the write bits the umask takes.
enum OutputPermissions {
  static func readableByAll() {
    let mask = umask(0)
    umask(mask & 0o022)
  }
}
