extension Dictionary {
  /// Removes every entry whose key is not among `keys` (given without repeats). Memos call this
  /// after each load with the files of the site, which they nearly always already hold all of:
  /// then a count and a lookup per key show nothing is to go, without building a set and a
  /// new table of 10,000 entries.
  package mutating func removeAll(except keys: [Key]) {
    if count == keys.count, keys.allSatisfy({ self[$0] != nil }) { return }
    let keep = Set(keys)
    self = filter { keep.contains($0.key) }
  }
}
