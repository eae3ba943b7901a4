import Content
import Site

/// A field's upcoming events, for its page: those of its initiatives. Events name initiatives,
/// not fields, so a resident on 産業振興・中小企業 looking for the 中小企業DX講座 found it only
/// through one of the field's 76 initiatives.
extension Site {
  /// How many of them a field's page lists; the rest are on /events/.
  public static let fieldEventsShown = 5

  /// The upcoming events (by the build clock) naming any of `field`'s initiatives, soonest
  /// first, as /events/ lists them. The field's page shows the first `fieldEventsShown`, and
  /// its inputs hash the list (`Dependencies`): it changes when one is over.
  public func upcomingEvents(of field: FieldNode) -> [Int] {
    let slugs = Set(field.initiatives.map { pages[$0].slug })
    guard !slugs.isEmpty else { return [] }
    return upcomingEvents.filter { i in
      guard case .event(let m) = pages[i].page.meta else { return false }
      return m.initiatives.contains { slugs.contains($0.id) }
    }
  }
}
