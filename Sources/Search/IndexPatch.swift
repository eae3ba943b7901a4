import Foundation

/// The files that change when an index is patched.
public struct SearchIndexUpdate: Sendable {
  /// Relative path under `search/` → new bytes.
  public var writes: [String: Data]
  /// Relative paths under `search/` that no longer exist.
  public var deletes: [String]
  public var state: SearchIndexState
}

extension SearchIndexBuilder {
  /// Patches the index an earlier build wrote, when only some documents changed and none moved:
  /// the changed documents' heads and chunks are written again, and of the shards only those
  /// holding a key whose entry changed, read back from the earlier files. A full build of
  /// 10,000 pages takes seconds; an edit to one page this way, milliseconds. The result has
  /// exactly the bytes a full build would give.
  ///
  /// A document may change its body, and its title, summary and keywords too when it keeps its
  /// kind, date and URL (its id) and is not a glossary entry (whose names make the `~` groups
  /// of related terms).
  ///
  /// Returns nil when only a full build gives those bytes: a document added, removed or moved,
  /// a glossary entry's names changed, many documents changed, the number of shards would
  /// change, the earlier version of a document is not the one indexed, or an earlier file is
  /// missing or unreadable.
  ///
  /// - Parameters:
  ///   - previousDocument: the document the earlier build indexed at an id, given the one
  ///     there now. A caller that only knows earlier bodies returns the current document with
  ///     its earlier body; a changed head then needs a full build.
  ///   - readFile: an earlier index file by its path under `search/`.
  public static func update(
    _ documents: [SearchDocument], previous: SearchIndexState,
    previousDocument: (Int, SearchDocument) -> SearchDocument?, readFile: (String) -> Data?,
    options: SearchIndexOptions = .default
  ) -> SearchIndexUpdate? {
    let docs = ordered(documents)
    guard docs.count == previous.heads.count else { return nil }
    let hashes = docs.searchParallelMap { SearchIndexState.hashes(of: $0) }
    let changed = docs.indices.filter {
      hashes[$0].head != previous.heads[$0] || hashes[$0].body != previous.bodies[$0]
    }
    return update(
      ordered: docs, changed: changed, previous: previous, previousDocument: previousDocument,
      readFile: readFile, options: options)
  }

  /// The same for a caller that keeps the documents in id order between builds (`order`) and
  /// knows which ones it replaced: the others are taken as unchanged, without hashing 10,000
  /// bodies or ordering the documents again.
  public static func update(
    ordered docs: [SearchDocument], changed candidates: [Int], previous: SearchIndexState,
    previousDocument: (Int, SearchDocument) -> SearchDocument?, readFile: (String) -> Data?,
    options: SearchIndexOptions = .default
  ) -> SearchIndexUpdate? {
    let options = options.clamped
    guard docs.count == previous.heads.count, previous.shards > 0,
      previous.wordGroups == SearchIndexState.digest(options.wordGroups)
    else { return nil }
    var changed: [(id: Int, head: UInt64, body: UInt64)] = []
    for id in Set(candidates).sorted() {
      guard docs.indices.contains(id) else { return nil }
      let h = SearchIndexState.hashes(of: docs[id])
      if h.head != previous.heads[id] || h.body != previous.bodies[id] {
        changed.append((id, h.head, h.body))
      }
    }
    guard changed.count <= max(16, docs.count / 100) else { return nil }
    var state = previous
    var writes: [String: Data] = [:]
    var deletes: [String] = []

    // What changed, key by key: for postings (document, old mask, new mask), 0 for absent;
    // for `=` entries, documents added to or removed from their title and keyword sets.
    var edits: [String: (shardKey: [UInt32], changes: [(Int32, UInt32, UInt32)])] = [:]
    // Whether a field's vision was retitled: words.json holds fields by title (a glossary
    // entry's names, the rest of it, make the index whole).
    var renamed = false
    var exactEdits: [String: (title: [(Int32, Bool)], keywords: [(Int32, Bool)])] = [:]
    for (id, head, body) in changed {
      let new = docs[id]
      guard let old = previousDocument(id, new) else { return nil }
      if new.kind == .field, old.title != new.title { renamed = true }
      let oldHashes = SearchIndexState.hashes(of: old)
      guard oldHashes.head == previous.heads[id], oldHashes.body == previous.bodies[id] else {
        return nil
      }
      if head != previous.heads[id] {
        // Same id, and no `~` group to redo.
        guard old.kind == new.kind, old.date == new.date, old.url == new.url,
          new.kind != .glossary
        else { return nil }
      }
      let before = Prepared(old, options: options)
      let after = Prepared(new, options: options)
      writes[IndexFormat.headName(id)] = after.head
      for (n, chunk) in after.chunkFiles.enumerated() {
        writes[IndexFormat.chunkName(id, n)] = chunk
      }
      for n in after.chunkFiles.count..<max(after.chunkFiles.count, before.chunkFiles.count) {
        deletes.append(IndexFormat.chunkName(id, n))
      }
      for (key, m0, m1) in Prepared.changedKeys(from: before, to: after) {
        edits[key.string, default: (key.shardKey, [])].changes.append((Int32(id), m0, m1))
      }
      if before.titleKey != after.titleKey {
        if !before.titleKey.isEmpty {
          exactEdits[before.titleKey, default: ([], [])].title.append((Int32(id), false))
        }
        if !after.titleKey.isEmpty {
          exactEdits[after.titleKey, default: ([], [])].title.append((Int32(id), true))
        }
      }
      let (oldKeywords, newKeywords) = (Set(before.keywordKeys), Set(after.keywordKeys))
      for k in oldKeywords.subtracting(newKeywords) {
        exactEdits[k, default: ([], [])].keywords.append((Int32(id), false))
      }
      for k in newKeywords.subtracting(oldKeywords) {
        exactEdits[k, default: ([], [])].keywords.append((Int32(id), true))
      }
      state.heads[id] = head
      state.bodies[id] = body
    }

    // Patch the entries of the edited keys, shard by shard.
    var byShard: [Int: [String]] = [:]
    for (key, e) in edits {
      byShard[IndexEntries.shard(of: e.shardKey, shards: previous.shards), default: []].append(key)
    }
    for key in exactEdits.keys {
      let shard = IndexEntries.shard(of: key.unicodeScalars.map(\.value), shards: previous.shards)
      byShard[shard, default: []].append("=" + key)
    }
    var patcher = PostingPatcher(docs: docs, options: options)
    var shardEntries: [Int: [(key: String, value: [UInt8])]] = [:]
    var results: [String: (value: [UInt8]?, bigPairs: Int?)] = [:]
    var pending: [String: (ids: [Int32], masks: [Int32: UInt32])] = [:]
    for (s, keys) in byShard {
      let name = IndexFormat.shardName(s, shards: previous.shards)
      guard let data = readFile(name), let entries = IndexEntries.parseShard(data) else {
        return nil
      }
      shardEntries[s] = entries
      let values = Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
      for key in keys {
        if key.hasPrefix("="), let e = exactEdits[String(key.dropFirst())] {
          guard let value = Self.patchExact(values[key], e, documentCount: docs.count) else {
            return nil
          }
          results[key] = (value, nil)
          continue
        }
        switch patcher.patch(
          key, value: values[key], changes: edits[key]!.changes, bigPairs: previous.bigPairs[key])
        {
        case .done(let value, let bigPairs): results[key] = (value, bigPairs)
        case .needsMasks(let ids, let masks): pending[key] = (ids, masks)
        case .unreadable: return nil
        }
      }
    }
    // Big postings that shrank back to pairs need every document's mask: index each of those
    // documents once more, for all such keys together.
    if !pending.isEmpty {
      var wanted: [Int32: [String]] = [:]
      for (key, p) in pending {
        for id in p.ids where p.masks[id] == nil { wanted[id, default: []].append(key) }
      }
      let ids = wanted.keys.sorted()
      let keysOf = wanted
      let found = ids.searchParallelMap { id in
        let masks = Prepared(docs[Int(id)], options: options).keyMasks
        return keysOf[id]!.map { ($0, masks[$0]?.mask ?? 0) }
      }
      for (id, list) in zip(ids, found) {
        for (key, mask) in list { pending[key]!.masks[id] = mask }
      }
      for (key, p) in pending {
        let masks = p.ids.map { p.masks[$0]! }
        guard !masks.contains(0) else { return nil }
        results[key] = IndexEntries.postingValue(
          p.ids, masks, documentCount: docs.count, options: options)
      }
    }
    // Write the patched shards.
    for (s, entries) in shardEntries {
      var kept: [(key: String, value: [UInt8])] = []
      var seen: Set<String> = []
      for e in entries {
        seen.insert(e.key)
        guard let r = results[e.key] else {
          kept.append(e)
          continue
        }
        state.total -= IndexEntries.size(key: e.key, value: e.value)
        if let v = r.value { kept.append((e.key, v)) }
      }
      for key in byShard[s]! where !seen.contains(key) {
        if let v = results[key]?.value { kept.append((key, v)) }
      }
      for key in byShard[s]! {
        state.bigPairs[key] = results[key]?.bigPairs
        if let v = results[key]?.value { state.total += IndexEntries.size(key: key, value: v) }
      }
      writes[IndexFormat.shardName(s, shards: previous.shards)] = IndexEntries.shardData(kept)
    }
    guard IndexEntries.shardCount(total: state.total, options: options) == previous.shards else {
      return nil
    }
    // words.json and kanji.json made again whole (milliseconds) only when a field's vision was
    // retitled (a field named in hiragana is a reading); pages.json holds addresses, which a
    // patch never changes.
    if renamed {
      writes.merge(Suggestions.nameFiles(docs, wordGroups: options.wordGroups)) { $1 }
    }
    return SearchIndexUpdate(writes: writes, deletes: deletes.sorted(), state: state)
  }
}

extension SearchIndexBuilder {
  /// An `=` entry with documents added to or removed from its sets: the new value, `.some(nil)`
  /// when both sets are empty (the entry goes), nil when the stored value is unreadable.
  static func patchExact(
    _ value: [UInt8]?, _ edit: (title: [(Int32, Bool)], keywords: [(Int32, Bool)]),
    documentCount: Int
  ) -> [UInt8]?? {
    var sets: [Set<Int32>] = [[], []]
    if let value {
      guard let parts = PostingPatcher.strings(value), parts.count == 2 else { return nil }
      sets = parts.map { Set(Codec.decodeSet($0)) }
    }
    for (n, changes) in [edit.title, edit.keywords].enumerated() {
      for (id, added) in changes {
        if added { sets[n].insert(id) } else { sets[n].remove(id) }
      }
    }
    if sets.allSatisfy(\.isEmpty) { return .some(nil) }
    return IndexEntries.exactValue(
      title: sets[0].sorted(), keywords: sets[1].sorted(), documentCount: documentCount)
  }
}
