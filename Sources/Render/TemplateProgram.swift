import Foundation

/// A theme's templates compiled once into flat arrays of plain values, for `FastTemplates`.
///
/// The walk over the parsed tokens (an indirect enum, names as `[String]` paths) retained and
/// released every payload it bound: a quarter of rendering's CPU at 10,000 pages was
/// `swift_retain`/`swift_release`, and since every thread walks the same tokens, the counts were
/// atomic writes to shared cache lines. Here an instruction is a few integers: text is a range
/// of one byte buffer, a name is a range of `paths` (indices into `keys`), a section says where
/// its body ends, a partial names its template by index. Reading one touches no reference count.
final class TemplateProgram: @unchecked Sendable {
  enum Kind: UInt8 {
    /// `a` offset and `b` length in `text`.
    case text
    /// `a` start and `b` count in `paths` (count 0: the current value, `.`).
    case variable, unescaped
    /// The name as in `variable`; the body runs up to `c`.
    case section, inverted
    /// `a` the block's name in `keys`, `b` its indentation (-1 none), the default body up to `c`.
    case block
    /// `a` the template (-1 when the theme has none such), `b` its indentation (-1 none),
    /// `c` start and `d` count in `overrides`.
    case partial
  }

  struct Op {
    var kind: Kind
    var a: Int32
    var b: Int32
    var c: Int32 = 0
    var d: Int32 = 0
  }

  /// An overriding block of a partial (`{{<parent}}{{$name}}…{{/name}}{{/parent}}`).
  struct Override {
    var name: Int32
    var start: Int32
    var end: Int32
  }

  private(set) var ops: [Op] = []
  private(set) var paths: [Int32] = []
  private(set) var keys: [String] = []
  /// Each key's bits (`KeyBits`), by the same index.
  private(set) var keyBits: [KeyBits] = []
  private(set) var overrides: [Override] = []
  /// Each indentation's bytes in `text`, by the number an op gives.
  private(set) var indentations: [(offset: Int32, count: Int32)] = []
  /// Each template's ops, by index.
  private(set) var templates: [(start: Int32, end: Int32)] = []
  /// A template's index by its name.
  private(set) var index: [String: Int] = [:]
  /// Every literal byte of every template, never moved or freed while the program lives.
  private(set) var text: UnsafeMutablePointer<UInt8>
  private var textCount = 0
  private var textCapacity = 4_096
  private var keyIndex: [String: Int32] = [:]
  /// Overriding bodies waiting to be compiled, by their place in `overrides`.
  private var pending: [(Int, [FastTemplates.Token])] = []
  /// Where each name in `paths` was found last, for the walks (`LookupHints`).
  private(set) var hints = LookupHints(count: 0)

  init(_ templates: [String: [FastTemplates.Token]]) {
    text = .allocate(capacity: textCapacity)
    // Sorted, so the program is the same on every run.
    let names = templates.keys.sorted()
    for (i, name) in names.enumerated() { index[name] = i }
    for name in names {
      let start = Int32(ops.count)
      compile(templates[name]!)
      self.templates.append((start, Int32(ops.count)))
    }
    while let (n, body) = pending.popLast() {
      let start = Int32(ops.count)
      compile(body)
      overrides[n].start = start
      overrides[n].end = Int32(ops.count)
    }
    hints = LookupHints(count: paths.count)
  }

  deinit { text.deallocate() }

  private func compile(_ tokens: [FastTemplates.Token]) {
    for token in tokens {
      switch token {
      case .text(let s):
        let (offset, count) = append(s)
        ops.append(Op(kind: .text, a: offset, b: count))
      case .variable(let path):
        ops.append(Op(kind: .variable, a: Int32(paths.count), b: self.path(path)))
      case .unescaped(let path):
        ops.append(Op(kind: .unescaped, a: Int32(paths.count), b: self.path(path)))
      case .section(let path, let body), .inverted(let path, let body):
        let kind: Kind
        if case .section = token { kind = .section } else { kind = .inverted }
        let at = ops.count
        ops.append(Op(kind: kind, a: Int32(paths.count), b: self.path(path)))
        compile(body)
        ops[at].c = Int32(ops.count)
      case .block(let name, let body, let indentation):
        let at = ops.count
        ops.append(Op(kind: .block, a: key(name), b: self.indentation(indentation)))
        compile(body)
        ops[at].c = Int32(ops.count)
      case .partial(let name, let indentation, let overriding):
        // The overriding bodies are compiled after every template (`pending`), out of the way
        // of the ops run one after another.
        var op = Op(kind: .partial, a: Int32(index[name] ?? -1), b: self.indentation(indentation))
        op.c = Int32(overrides.count)
        for (block, body) in (overriding ?? [:]).sorted(by: { $0.key < $1.key }) {
          pending.append((overrides.count, body))
          overrides.append(Override(name: key(block), start: 0, end: 0))
        }
        op.d = Int32(overrides.count) - op.c
        ops.append(op)
      }
    }
  }

  private func path(_ names: [String]) -> Int32 {
    if names == ["."] { return 0 }
    for name in names { paths.append(key(name)) }
    return Int32(names.count)
  }

  private func key(_ name: String) -> Int32 {
    if let k = keyIndex[name] { return k }
    keys.append(name)
    keyBits.append(KeyBits(name))
    keyIndex[name] = Int32(keys.count - 1)
    return Int32(keys.count - 1)
  }

  private func indentation(_ s: String?) -> Int32 {
    guard let s, !s.isEmpty else { return -1 }
    indentations.append(append(s))
    return Int32(indentations.count - 1)
  }

  private func append(_ s: String) -> (Int32, Int32) {
    let bytes = Array(s.utf8)
    if textCount + bytes.count > textCapacity {
      textCapacity = max(textCapacity * 2, textCount + bytes.count)
      let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: textCapacity)
      bigger.update(from: text, count: textCount)
      text.deallocate()
      text = bigger
    }
    (text + textCount).update(from: bytes, count: bytes.count)
    defer { textCount += bytes.count }
    return (Int32(textCount), Int32(bytes.count))
  }
}
