import Foundation

/// Where each name of a template's lookups was found last: one `Int32` per name of
/// `TemplateProgram.paths`, the entry's place in the dictionary that held it.
///
/// A lookup compared its name with a dictionary's keys one by one, about forty at a page's top
/// level, which was a fifth of the template walk at 10,000 pages. The pages of one template are
/// made by the same code, so a name lies at the same place on the next page (and in the next
/// card of a list): the walk compares the key there first, and goes through the keys only when
/// it is not that one. A hint is only where to look first: keys are unique in a dictionary
/// (`TemplateContext`), so a key found there is the one going through them finds.
///
/// Kept from one page to the next, one buffer for each walk at once (taken and given back
/// under a lock, once a page).
final class LookupHints: @unchecked Sendable {
  private let count: Int
  private let lock = NSLock()
  private var spare: [UnsafeMutablePointer<Int32>] = []

  init(count: Int) { self.count = count }

  /// A buffer of hints: a kept one, else a new one (every hint 0).
  func take() -> UnsafeMutablePointer<Int32> {
    if let kept = lock.withLock({ spare.popLast() }) { return kept }
    let hints = UnsafeMutablePointer<Int32>.allocate(capacity: max(count, 1))
    hints.initialize(repeating: 0, count: max(count, 1))
    return hints
  }

  /// Keeps `hints` for the next walk.
  func give(_ hints: UnsafeMutablePointer<Int32>) {
    lock.withLock { spare.append(hints) }
  }

  /// How many buffers are kept (for the tests).
  var keptCount: Int { lock.withLock { spare.count } }

  deinit {
    for hints in spare { hints.deallocate() }
  }
}
