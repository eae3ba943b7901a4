/// The rewrites `renderHTML` makes to a body's HTML: a table column's ` align="…"` becomes a
/// class (the site's styles set the alignment), and a task list's box gets a label.
///
/// All five texts are replaced in one pass into one buffer. They were five `replacingAll`
/// passes (three for the alignment, two for the boxes), each making a new array and a new
/// String of the whole HTML: the 3,811 bench bodies with an aligned table spent 4–5 % of
/// resolving's Swift work there, most of it the kernel giving fresh pages to those copies.
/// One pass gives the same bytes: no text overlaps itself or another (each has its only space,
/// or its only `<`, at its start), and no replacement makes or breaks an occurrence of any.
enum MarkRewrites {
  /// ` align="` and what follows it, for each side.
  private static let alignPrefix = Array(" align=\"".utf8)
  private static let sides: [(value: [UInt8], replacement: [UInt8])] = ["left", "center", "right"]
    .map { (Array("\($0)\"".utf8), Array(" class=\"align-\($0)\"".utf8)) }
  /// `<input type="checkbox" ` and what follows it, for a done and an open task.
  private static let boxPrefix = Array("<input type=\"checkbox\" ".utf8)
  private static let boxes: [(value: [UInt8], replacement: [UInt8])] = [
    (
      Array("checked=\"\" disabled=\"\" />".utf8),
      Array("<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"完了\" />".utf8)
    ),
    (
      Array("disabled=\"\" />".utf8),
      Array("<input type=\"checkbox\" disabled=\"\" aria-label=\"未完了\" />".utf8)
    ),
  ]

  /// `bytes` with the alignments rewritten (when `marks` holds `.alignment`) and the boxes
  /// labelled (when it holds `.checkbox`); nil when nothing was replaced.
  static func apply(_ bytes: UnsafeBufferPointer<UInt8>, marks: HTMLMarks) -> [UInt8]? {
    let aligns = marks.contains(.alignment)
    let checks = marks.contains(.checkbox)
    guard aligns || checks else { return nil }
    var out: [UInt8] = []
    var copied = 0
    var nextAlign = aligns ? String.find(alignPrefix, in: bytes, from: 0) : nil
    var nextBox = checks ? String.find(boxPrefix, in: bytes, from: 0) : nil
    while nextAlign != nil || nextBox != nil {
      let isAlign = nextBox == nil || (nextAlign != nil && nextAlign! < nextBox!)
      let at = isAlign ? nextAlign! : nextBox!
      let prefix = isAlign ? alignPrefix : boxPrefix
      var resume = at + 1
      for (value, replacement) in isAlign ? sides : boxes
      where String.bytes(bytes, hold: value, startingAt: at + prefix.count) {
        if out.isEmpty { out.reserveCapacity(bytes.count + bytes.count / 8) }
        out += bytes[copied..<at]
        out += replacement
        copied = at + prefix.count + value.count
        resume = copied
        break
      }
      // The kind found is looked for again after it; the other only if it lay inside the
      // text replaced (which no text allows, but the rule costs nothing).
      if let a = nextAlign, a < resume {
        nextAlign = String.find(alignPrefix, in: bytes, from: resume)
      }
      if let b = nextBox, b < resume { nextBox = String.find(boxPrefix, in: bytes, from: resume) }
    }
    guard copied > 0 else { return nil }
    out += bytes[copied...]
    return out
  }
}
