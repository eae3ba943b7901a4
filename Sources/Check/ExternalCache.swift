import Foundation

/// `<site>/.portal/external-cache.json`: the last result of each external URL with the time it
/// was checked, so CI does not hammer other sites on every commit. Only good results (OK, or a
/// permanent redirect to a good page) are reused, and only while younger than the maximum age;
/// a broken link is always fetched again, because it may have been fixed.
struct ExternalCache: Sendable, Codable {
  struct Entry: Sendable, Codable, Hashable {
    var checked: Date
    var state: ExternalOutcome.State
    var status: Int?
    var location: String?
  }

  var version = 1
  var entries: [String: Entry] = [:]

  static func load(_ url: URL) -> ExternalCache {
    guard let data = FileManager.default.contents(atPath: url.path) else { return ExternalCache() }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return (try? decoder.decode(ExternalCache.self, from: data)) ?? ExternalCache()
  }

  func save(_ url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try encoder.encode(self).write(to: url, options: .atomic)
  }

  /// The cached outcome when it is good and younger than `maxAge` seconds at `now`.
  func fresh(_ url: String, now: Date, maxAge: TimeInterval) -> ExternalOutcome? {
    guard let e = entries[url], e.state == .ok || e.state == .movedPermanently,
      now.timeIntervalSince(e.checked) < maxAge, now >= e.checked
    else { return nil }
    return ExternalOutcome(
      url: url, state: e.state, status: e.status, location: e.location, fromCache: true)
  }

  mutating func record(_ outcome: ExternalOutcome, at now: Date) {
    guard !outcome.fromCache, outcome.state != .skipped else { return }
    entries[outcome.url] = Entry(
      checked: now, state: outcome.state, status: outcome.status, location: outcome.location)
  }

  /// Takes `other`'s entries where they were checked later than this cache's (or this cache
  /// has none): the file as another process left it, read again just before saving.
  mutating func merge(_ other: ExternalCache) {
    for (url, entry) in other.entries where entries[url].map({ $0.checked < entry.checked }) ?? true
    {
      entries[url] = entry
    }
  }

  /// Drops entries not checked for `age` seconds, so links removed from the site do not stay forever.
  mutating func prune(olderThan age: TimeInterval, now: Date) {
    entries = entries.filter { now.timeIntervalSince($0.value.checked) < age }
  }
}
