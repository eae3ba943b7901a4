import Foundation

/// Contexts made once per render plan and shared by every page that shows them, by page index:
/// a page's card is the same on each list and page that shows it (an initiative on its field's
/// page, its tags' pages, the pages of related initiatives, the glossary entries that use its
/// words). At 10,000 pages a card was made about seven times over, each time copying the page's
/// metadata, escaping its title and writing its dates as text again: a sixth of rendering's
/// samples.
///
/// Filled as pages ask (an edit in `portal serve` renders a few pages and must not make every
/// card first); the plan's site does not change while it lives, and a new plan (after an edit
/// or a change of site.yml or the theme) starts with an empty memo, so a kept context is never
/// an old one. Two threads may make the same context at once: both make the same value, and
/// the later one is kept.
typealias ContextMemo = IndexMemo<TemplateContext>

/// Values made once per render plan by index (`ContextMemo`; each event's calendar entry,
/// which its own calendar and the calendar of all events both print).
final class IndexMemo<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Value?]
  /// `values.count`, read without the lock.
  private let count: Int

  init(count: Int) {
    values = Array(repeating: nil, count: count)
    self.count = count
  }

  /// The value kept for `index`, else the one `make` makes, kept for the next page.
  func value(_ index: Int, _ make: () -> Value) -> Value {
    guard index >= 0 && index < count else { return make() }
    if let kept = lock.withLock({ values[index] }) { return kept }
    let made = make()
    lock.withLock { values[index] = made }
    return made
  }

  /// As `value`, for a value asked for twice (each event's calendar entry: by its own
  /// calendar and by the calendar of all events): the second asker takes it out, so the memo
  /// holds only the entries of one of the two calendars made so far.
  func valueTaken(_ index: Int, _ make: () -> Value) -> Value {
    guard index >= 0 && index < count else { return make() }
    if let kept = lock.withLock({ values[index].take() }) { return kept }
    let made = make()
    // Both askers may have found nothing and made it at once: the later one is the second
    // asker, and takes the other's out rather than keeping its own.
    lock.withLock { values[index] = values[index] == nil ? made : nil }
    return made
  }

  /// How many values are kept (for the tests).
  var keptCount: Int { lock.withLock { values.lazy.filter { $0 != nil }.count } }
}
