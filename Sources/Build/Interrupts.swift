import Diagnostics
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM held off while an incremental `portal build` writes its changed
/// files in place: stopped part-way, the site was part old and part new until the next build
/// (a layout edit left 63 pages with the new header and 132 with the old). A full build needs
/// none of this: it writes a staging folder and swaps it in whole. `portal serve` handles its
/// signals itself and lets a build end before stopping.
enum Interrupts {
  /// The signal received while held (0: none). Set by the handler, which may do nothing else
  /// safely; made before the handler is installed, so the handler never initialises it.
  private static let received = Atomic<Int32>(0)

  /// Runs `body` with SIGINT and SIGTERM held: one that comes meanwhile is returned for the
  /// caller to act on once the files are whole (0: none came). A signal the process ignores
  /// (a job started in the background) stays ignored.
  static func held<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> (value: T, signal: Int32) {
    received.store(0, ordering: .sequentiallyConsistent)
    let handler: @convention(c) (Int32) -> Void = { signal in
      Interrupts.received.store(signal, ordering: .sequentiallyConsistent)
    }
    var previous: [(Int32, sighandler_t?)] = []
    for s in [SIGINT, SIGTERM] {
      let old = signal(s, handler)
      if Self.address(of: old) == Self.address(of: SIG_IGN) {
        signal(s, SIG_IGN)
      } else {
        previous.append((s, old))
      }
    }
    defer { for (s, old) in previous { signal(s, old) } }
    let value = try body()
    return (value, received.load(ordering: .sequentiallyConsistent))
  }

  /// A handler's address, to compare with `SIG_IGN` (C function pointers are not Equatable).
  private static func address(of handler: sighandler_t?) -> UInt {
    handler.map { UInt(bitPattern: unsafeBitCast($0, to: Int.self)) } ?? 0
  }
}

extension BuildReport {
  /// What a build stopped by a signal held while it wrote its files says: Ctrl-C, or SIGTERM
  /// (a CI's timeout, `kill`), named as it was (both had been "Ctrl-C").
  public func stopped(in language: MessageLanguage) -> String {
    let name = interrupted == SIGTERM ? "SIGTERM" : "Ctrl-C"
    return language == .japanese
      ? "止めました（\(name)）。書きかけのファイルは、書き終えてから止めたので、出力はそろっています。\n"
      : "Stopped (\(name)) once the files being written were all written: the output is whole.\n"
  }
}
