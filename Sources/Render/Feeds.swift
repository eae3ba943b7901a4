import ByteFormats
import Content
import Foundation
import Markdown
import Site

/// Machine-readable outputs about events and pages: Atom, iCalendar, JSON-LD, sitemap, robots.txt.
enum Feeds {
  // MARK: iCalendar (RFC 5545)

  static func utcStamp(_ t: DateTime) -> String {
    let u = DateTime(epochSeconds: t.epochSeconds, offsetSeconds: 0).local
    // Not `String(format:)`: three stamps for each of 1,800 events took tens of milliseconds.
    return zeroPadded(u.date.year, 4) + zeroPadded(u.date.month, 2) + zeroPadded(u.date.day, 2)
      + "T" + zeroPadded(u.hour, 2) + zeroPadded(u.minute, 2) + zeroPadded(u.second, 2) + "Z"
  }

  static func icsText(_ s: String) -> String {
    // One pass over the bytes: the same as the four literal replacements in this order. A
    // line break of any kind (CR LF, a lone CR) is one `\n`: a raw CR would end the content
    // line for a lenient reader, and what followed would be read as properties of its own
    // (a second event, a link). Other control characters are dropped.
    var out: [UInt8] = []
    out.reserveCapacity(s.utf8.count)
    var afterCR = false
    for b in s.utf8 {
      defer { afterCR = b == 0x0D }
      switch b {
      case 0x5C: out += [0x5C, 0x5C]
      case 0x3B: out += [0x5C, 0x3B]
      case 0x2C: out += [0x5C, 0x2C]
      case 0x0A where afterCR: break
      case 0x0A, 0x0D: out += [0x5C, 0x6E]
      case 0x09: out.append(0x20)
      case ..<0x20, 0x7F: break
      default: out.append(b)
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// Folds a content line at 75 octets without splitting a UTF-8 character (nor a character
  /// made of several scalars, a letter and its combining mark).
  static func fold(_ line: String) -> String {
    if line.utf8.count <= 75 { return line + "\r\n" }
    if line.unicodeScalars.allSatisfy(isWholeCharacter) { return foldScalars(line) }
    var out = ""
    var count = 0
    for ch in line {
      let n = ch.utf8.count
      if count + n > 75 {
        out += "\r\n "
        count = 1
      }
      out.append(ch)
      count += n
    }
    return out + "\r\n"
  }

  /// Scalars that are a character on their own whatever follows: printable ASCII, kana and
  /// CJK punctuation (without the combining voiced marks and ideographic tone marks), CJK
  /// ideographs and full-width forms: the text of Japanese events. A line of only these is
  /// folded by scalars, without finding character boundaries (a calendar of 1,800 events
  /// spent most of its time there).
  static func isWholeCharacter(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20...0x7E, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x4E00...0x9FFF,
      0xFF01...0xFF60:
      true
    default: false
    }
  }

  private static func foldScalars(_ line: String) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(line.utf8.count + line.utf8.count / 25 + 2)
    var count = 0
    for scalar in line.unicodeScalars {
      let n = UTF8.width(scalar)
      if count + n > 75 {
        out += [0x0D, 0x0A, 0x20]
        count = 1
      }
      UTF8.encode(scalar) { out.append($0) }
      count += n
    }
    out += [0x0D, 0x0A]
    return String(decoding: out, as: UTF8.self)
  }

  /// One event. `changed` is its DTSTAMP: in a calendar without `METHOD` (as these are),
  /// RFC 5545 makes it the time the event's information last changed (`lastChange`).
  static func vevent(
    slug: String, title: String, url: String, _ m: EventMeta, host: String,
    absolute: (String) -> String, changed: DateTime
  ) -> String {
    // A calendar shows the title alone: 【中止】 before it says what STATUS says to the apps
    // that show no status (TENTATIVE, for a postponed event, is the nearest iCalendar has).
    let shown = m.status.map { "【\($0.label)】" + title } ?? title
    var lines = [
      "BEGIN:VEVENT", "UID:\(slug)@\(host)", "DTSTAMP:\(utcStamp(changed))",
      dtStart(m),
    ]
    lines += dtEnd(m).map { [$0] } ?? []
    lines += [
      "SUMMARY:\(icsText(shown))", "DESCRIPTION:\(icsText(description(m)))",
      "URL:\(absolute(url))",
    ]
    switch m.status {
    case .cancelled: lines.append("STATUS:CANCELLED")
    case .postponed: lines.append("STATUS:TENTATIVE")
    case nil: break
    }
    let location = [m.place, m.online].compactMap { $0 }.joined(separator: " / ")
    if !location.isEmpty { lines.append("LOCATION:\(icsText(location))") }
    lines.append("END:VEVENT")
    return lines.map(fold).joined()
  }

  /// An all-day event as a calendar shows one: `DTSTART;VALUE=DATE:20261220`, the day in
  /// Japan; a timed one at its instant in UTC.
  static func dtStart(_ m: EventMeta) -> String {
    m.isAllDay ? "DTSTART;VALUE=DATE:" + basicDate(m.firstDay) : "DTSTART:" + utcStamp(m.start)
  }

  /// RFC 5545 ends an all-day event on the day after its last (DTEND is exclusive: an event of
  /// 20 to 24 December ends on the 25th); a timed one without `end` has none, as RFC 5545
  /// allows (an hour made up here was a length the content never gave).
  static func dtEnd(_ m: EventMeta) -> String? {
    if m.isAllDay { return "DTEND;VALUE=DATE:" + basicDate(m.lastDay.adding(days: 1)) }
    return m.end.map { "DTEND:" + utcStamp($0) }
  }

  /// `20261220`: iCalendar's DATE value.
  static func basicDate(_ d: LocalDate) -> String {
    zeroPadded(d.year, 4) + zeroPadded(d.month, 2) + zeroPadded(d.day, 2)
  }

  /// The summary, its hours and how to get there, then how to apply (by when, how, the
  /// form's address) and whom to call: a calendar entry is what a resident looks at on the
  /// day, and before the deadline, perhaps without the page.
  static func description(_ m: EventMeta) -> String {
    let lines: [(String, String?)] = [
      ("時間", m.hours), ("行き方", m.access),
      ("申し込みの締め切り", m.deadline.map(JapaneseDate.dateTime)), ("申し込みのしかた", m.application),
      ("申し込みのページ", m.registration), ("電話", m.phone), ("ファクス", m.fax),
    ]
    return ([m.summary] + lines.compactMap { label, value in value.map { "\(label)：\($0)" } })
      .joined(separator: "\n")
  }

  static func calendar(name: String, events: String) -> Data {
    let head = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Portal//Chiba DX Portal//JA",
      "CALSCALE:GREGORIAN", "X-WR-CALNAME:\(icsText(name))",
    ]
    return Data((head.map(fold).joined() + events + fold("END:VCALENDAR")).utf8)
  }

  // MARK: Atom

  static func xml(_ s: String) -> String { escapeHTML(s) }

  /// A feed's `<updated>` when it has no entries, and an entry's when the time it last changed
  /// is not known (`entryChange`): a fixed instant, not the build clock, so the feed is made
  /// of its entries alone (an incremental build, which renders it again only when they
  /// change, gives the bytes of a full build at any clock).
  static let emptyFeedUpdated = "1970-01-01T00:00:00Z"

  /// One entry of a feed: a page, the instant it counts from, and a line about it.
  struct AtomEntry {
    var title: String
    var url: String
    var updated: String
    var summary: String
    var category: String?
  }

  /// An Atom feed named `name` of the list page at `page`, itself at `feed`; `updated` is the
  /// latest of the entries' instants (nil: none).
  static func atom(
    site: Site, name: String, page: String, feed: String, updated: String?,
    entries: some Sequence<AtomEntry>, absolute: (String) -> String
  ) -> Data {
    var s = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">
      <title>\(xml(site.config.title))：\(xml(name))</title>
      <id>\(xml(absolute(page)))</id>
      <link rel="alternate" type="text/html" href="\(xml(absolute(page)))"/>
      <link rel="self" type="application/atom+xml" href="\(xml(absolute(feed)))"/>
      <updated>\(updated ?? emptyFeedUpdated)</updated>
      <author><name>\(xml(site.config.title))</name></author>

      """
    for e in entries {
      let url = xml(absolute(e.url))
      s += """
        <entry>
        <title>\(xml(e.title))</title>
        <id>\(url)</id>
        <link rel="alternate" type="text/html" href="\(url)"/>
        <updated>\(e.updated)</updated>
        <summary>\(xml(e.summary))</summary>

        """
      if let category = e.category { s += "<category term=\"\(xml(category))\"/>\n" }
      s += "</entry>\n"
    }
    return Data((s + "</feed>\n").utf8)
  }

  /// The events feed: each event at its last change (`entryChange`): Atom's `updated` is when
  /// the entry changed, and an event's start put entries months in the future.
  static func atom(site: Site, events: [Int], absolute: (String) -> String) -> Data {
    // Each page read in place by index, not copied (1,800 events).
    var changes: [DateTime] = []
    var entries: [AtomEntry] = []
    for i in events {
      let page = site.pages[i].page
      guard case .event(let m) = page.meta else { continue }
      let changed = entryChange(updated: page.updated, publish: page.publish, m, now: site.now)
      if let changed { changes.append(changed) }
      entries.append(
        AtomEntry(
          title: site.pages[i].title, url: site.pages[i].url,
          updated: changed?.description ?? emptyFeedUpdated,
          summary: JapaneseDate.range(m.start, m.end) + "　" + m.summary))
    }
    return atom(
      site: site, name: "イベント", page: site.urls.index(.event), feed: site.urls.eventsFeed,
      updated: changes.max()?.description, entries: entries, absolute: absolute)
  }

  /// 更新情報 as Atom, newest first: each page on the day it was updated (at midnight in
  /// Japan, as the dates are written there), or at the time it was published (`publish`,
  /// for a page without `updated`; `Page.listedChange`).
  static func updatesAtom(site: Site, pages: ArraySlice<Int>, absolute: (String) -> String)
    -> Data
  {
    let entries = pages.compactMap { i -> AtomEntry? in
      guard let change = site.pages[i].page.listedChange else { return nil }
      return AtomEntry(
        title: site.pages[i].title, url: site.pages[i].url, updated: change.instant.description,
        summary: JapaneseDate.date(change.day) + change.label + "　"
          + (site.pages[i].page.summary ?? ""),
        category: site.pages[i].kind.label)
    }
    return atom(
      site: site, name: "更新情報", page: site.urls.updates, feed: site.urls.updatesFeed,
      updated: pages.first.flatMap { site.pages[$0].page.listedChange }.map(\.instant.description),
      entries: entries, absolute: absolute)
  }

  // MARK: JSON-LD

  /// schema.org Event data for search engines; `<` is escaped so the block cannot end early.
  ///
  /// Written directly, keys in a fixed order (Foundation's `JSONSerialization` with sorted keys
  /// gave the same bytes at a tenth of the speed of rendering an event page).
  ///
  /// - Parameter organizer: who runs the site (`operator` in site.yml) and its home page: the
  ///   events are the site's own.
  static func eventJSONLD(
    _ p: ResolvedPage, _ m: EventMeta, attendance: EventAttendance,
    organizer: (name: String, url: String)?, absolute: (String) -> String
  ) -> String {
    let url = absolute(p.url)
    return eventJSONLD(
      name: p.title, description: m.summary, start: m.startISO, end: m.endISO, place: m.place,
      online: m.online, url: url, offer: EventOffer(m, pageURL: url), organizer: organizer,
      status: m.status, attendance: attendance)
  }

  /// - Parameter attendance: how people take part, when the place may say it is online
  ///   (`EventMeta.attendance`); by default a place is a venue and `online` the way online.
  static func eventJSONLD(
    name: String, description: String, start: String, end: String?, place: String?,
    online: String?, url: String, offer: EventOffer? = nil,
    organizer: (name: String, url: String)? = nil, status: EventStatus? = nil,
    attendance: EventAttendance? = nil
  ) -> String {
    let a =
      attendance
      ?? EventAttendance(atVenue: place != nil, online: online != nil, placeIsOnline: false)
    let mode =
      a.atVenue && a.online
      ? "MixedEventAttendanceMode"
      : (a.online ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode")
    var places: [[(key: String, value: String)]] = []
    if let place, a.atVenue {
      places.append([("@type", "Place"), ("address", place), ("name", place)])
    }
    if let online {
      places.append([("@type", "VirtualLocation"), ("url", online)])
    } else if let place, a.placeIsOnline {
      // オンライン（Zoom） before its address is known: where to join, said in words.
      places.append([("@type", "VirtualLocation"), ("name", place)])
    }
    var j = JSONBytes(escapingLessThan: true)
    j.raw("{")
    j.pair("@context", "https://schema.org")
    j.raw(",")
    j.pair("@type", "Event")
    j.raw(",")
    j.pair("description", description)
    if let end {
      j.raw(",")
      j.pair("endDate", end)
    }
    // Neither a place nor an address to join at: no mode to claim (it said "offline").
    if place != nil || online != nil {
      j.raw(",")
      j.pair("eventAttendanceMode", "https://schema.org/" + mode)
    }
    j.raw(",")
    let schemaStatus =
      switch status {
      case nil: "EventScheduled"
      case .cancelled: "EventCancelled"
      case .postponed: "EventPostponed"
      }
    j.pair("eventStatus", "https://schema.org/" + schemaStatus)
    if offer?.price == 0 { j.raw(",\"isAccessibleForFree\":true") }
    if !places.isEmpty {
      j.raw(",\"location\":")
      if places.count > 1 { j.raw("[") }
      for (n, fields) in places.enumerated() {
        if n > 0 { j.raw(",") }
        j.object(fields)
      }
      if places.count > 1 { j.raw("]") }
    }
    j.raw(",")
    j.pair("name", name)
    if let offer {
      j.raw(",\"offers\":")
      offer.write(into: &j)
    }
    if let organizer {
      j.raw(",\"organizer\":")
      j.object([("@type", "Organization"), ("name", organizer.name), ("url", organizer.url)])
    }
    j.raw(",")
    j.pair("startDate", start)
    j.raw(",")
    j.pair("url", url)
    j.raw("}")
    return String(decoding: j.bytes, as: UTF8.self)
  }

  // MARK: sitemap and robots

  /// - Parameter modified: by URL, the `updated` date of the page there, given to search
  ///   engines as `<lastmod>`.
  static func sitemap(
    urls: [String], modified: [String: LocalDate] = [:], absolute: (String) -> String
  ) -> Data {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    for u in urls.sorted() {
      s += "<url><loc>\(xml(asciiURL(absolute(u))))</loc>"
      if let date = modified[u] { s += "<lastmod>\(date.description)</lastmod>" }
      s += "</url>\n"
    }
    return Data((s + "</urlset>\n").utf8)
  }

  /// A preview (`SiteConfig.isPreview`) asks every crawler to stay out.
  static func robots(sitemapURL: String, preview: Bool = false) -> Data {
    guard !preview else { return Data("User-agent: *\nDisallow: /\n".utf8) }
    return Data("User-agent: *\nAllow: /\n\nSitemap: \(asciiURL(sitemapURL))\n".utf8)
  }

  /// `url` with every byte outside ASCII percent-encoded: the sitemap protocol asks for
  /// escaped addresses, and a base path in Japanese (`/デジタル/`) was written as typed.
  static func asciiURL(_ url: String) -> String {
    guard !url.utf8.allSatisfy({ $0 < 0x80 }) else { return url }
    var out = ""
    for byte in url.utf8 {
      if byte < 0x80 {
        out.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        out += "%" + String(byte, radix: 16, uppercase: true)
      }
    }
    return out
  }
}

extension Feeds {
  /// When an event's information last changed, for its DTSTAMP: its `updated` date, else the
  /// time it was published (`publish`), else its start (what the file says stands from then).
  /// From the content alone, so a calendar is the same bytes whenever it is built: the build's
  /// clock had made every build's calendars differ and said every event changed at each one,
  /// and an incremental build kept the stamp of the build that last wrote the file.
  static func lastChange(updated: LocalDate?, publish: DateTime?, _ m: EventMeta) -> DateTime {
    updated?.midnightInJapan ?? publish ?? m.start
  }

  /// When an event's feed entry last changed, for Atom's `<updated>`, never after the build's
  /// clock: its `updated` date or `publish` time; else, once the event is over, when it ended
  /// (its page then began to say so); else nil, unknown, which the feed writes as the fixed
  /// `emptyFeedUpdated`. Not the start (feed readers put such entries on top for months) nor
  /// the build's clock (each build would say every entry changed). It moves only when the
  /// event moves from upcoming to past, which the feed's inputs and the cache already follow.
  static func entryChange(
    updated: LocalDate?, publish: DateTime?, _ m: EventMeta, now: DateTime
  ) -> DateTime? {
    if let written = updated?.midnightInJapan ?? publish { return written }
    return m.isPast(at: now) ? m.endsAt : nil
  }
}
