/// The keys of one mapping read so far, to find a key given twice (`YAMLQuick`, `YAMLFields`):
/// looked for one by one among the first 32 (a `Set` or dictionary hashed every key of every
/// front matter, 2 % of loading 10,000 pages), in a dictionary past them, so a mapping of
/// hundreds of keys is not read in quadratic time.
struct KeysSeen {
  /// The keys, in the order given, each once.
  private(set) var keys: [String] = []
  private var positions: [String: Int]?

  /// Room for `minimumCapacity` keys, so a mapping's keys are stored once sized.
  init(minimumCapacity: Int = 0) { keys.reserveCapacity(minimumCapacity) }

  /// Adds `key` after the others; when it was there already, adds nothing and gives the
  /// position it was first given at.
  mutating func insert(_ key: String) -> Int? {
    if let first = positions.map({ $0[key] }) ?? keys.firstIndex(of: key) { return first }
    positions?[key] = keys.count
    keys.append(key)
    if positions == nil, keys.count > 32 {
      positions = Dictionary(uniqueKeysWithValues: zip(keys, keys.indices))
    }
    return nil
  }
}
