import Content

/// The cache's table of outputs (`BuildCache.outputs`): for each of the 80,000 files of a
/// 10,000-page site, the hash of its inputs and of its bytes. It lives in a log of its own
/// (`OutputLog`) instead of the state file: a one-file build changes a handful of entries, and
/// encoding the whole table again (sorting 80,000 paths by their hash to write them in one
/// order) was a quarter of writing the cache.
///
/// So the table remembers which log it was read from or written to (`log`) and which paths
/// changed since (`touched`): writing the cache appends only those to the log.
struct OutputHashes: Sendable {
  private(set) var table: [String: BuildCache.Output] = [:]
  /// Paths set to another value, or removed, since the table was the log's.
  private(set) var touched: Set<String> = []
  /// The log this table, without the `touched` paths, is the whole of; nil when it is no log's
  /// (a full build's table, made entry by entry): it is then written whole.
  private(set) var log: OutputLog.Place?

  init() {}

  init(_ table: [String: BuildCache.Output], log: OutputLog.Place?) {
    self.table = table
    self.log = log
  }

  subscript(path: String) -> BuildCache.Output? {
    get { table[path] }
    set {
      guard table[path] != newValue else { return }
      if log != nil { touched.insert(path) }
      table[path] = newValue
    }
  }

  var count: Int { table.count }
  var keys: Dictionary<String, BuildCache.Output>.Keys { table.keys }

  /// After the cache was written: the table is now the whole of the log at `place`.
  mutating func stored(at place: OutputLog.Place) {
    log = place
    touched = []
  }
}

extension OutputHashes: Equatable {
  /// The same entries: where they are stored does not count.
  static func == (a: Self, b: Self) -> Bool { a.table == b.table }
}
