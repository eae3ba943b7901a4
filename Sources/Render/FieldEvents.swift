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
  ///
  /// Found through `eventsByInitiative` (which has every event under each initiative it
  /// names), then kept in the order of `upcomingEvents`: reading every upcoming event's front
  /// matter for each field copied the resolved page each time: 3–6 % of rendering's samples at
  /// 10,000 pages (1,800 events read for each of 21 field pages), and planning read them too.
  public func upcomingEvents(of field: FieldNode) -> [Int] {
    var named = Set<Int>()
    for i in field.initiatives {
      // The slug taken out first: read inside the lookup, the whole resolved page was copied.
      let slug = pages[i].page.slug
      if let events = eventsByInitiative[slug] { named.formUnion(events) }
    }
    guard !named.isEmpty else { return [] }
    return upcomingEvents.filter { named.contains($0) }
  }
}
