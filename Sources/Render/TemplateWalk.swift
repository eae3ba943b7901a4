import Foundation

/// A page's bytes as they are written: grown by doubling, handed to `Data` without a copy.
/// Appending to a `String` updated its count and ASCII flag on every append (a tenth of the
/// template walk); these are plain copies.
struct ByteSink {
  private(set) var base: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = capacity
    base = malloc(capacity)!.assumingMemoryBound(to: UInt8.self)
  }

  var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  /// The bytes as `Data`, which frees them.
  /// Shrunk to its count first: the files wait in memory to be written, and a page's sink is
  /// up to twice its size.
  func data() -> Data {
    let exact = realloc(base, max(count, 1))!.assumingMemoryBound(to: UInt8.self)
    return Data(bytesNoCopy: exact, count: count, deallocator: .free)
  }

  /// For bytes not handed to `data()`.
  func free() { Foundation.free(base) }

  mutating func append(_ bytes: UnsafePointer<UInt8>, _ n: Int) {
    if count + n > capacity { grow(count + n) }
    (base + count).update(from: bytes, count: n)
    count += n
  }

  mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    if let p = bytes.baseAddress { append(p, bytes.count) }
  }

  mutating func append(_ s: StaticString) { append(s.utf8Start, s.utf8CodeUnitCount) }

  mutating func removeLast(_ n: Int) { count -= n }

  private mutating func grow(_ needed: Int) {
    capacity = max(capacity * 2, needed)
    base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
  }

  /// Appends `s` as it is.
  mutating func append(_ s: String) {
    let done: Void? = s.utf8.withContiguousStorageIfAvailable { append($0.baseAddress!, $0.count) }
    if done == nil {
      let bytes = Array(s.utf8)
      bytes.withUnsafeBufferPointer { append($0.baseAddress!, $0.count) }
    }
  }

  /// Appends `s` with `< > & " '` escaped (`HTMLEscape`, which swift-mustache uses too). By
  /// bytes, so a special character followed by a combining mark is escaped as well; the runs
  /// between them are copied whole.
  mutating func appendEscaped(_ s: String) {
    let done: Void? = s.utf8.withContiguousStorageIfAvailable { appendEscaped($0) }
    if done == nil { Array(s.utf8).withUnsafeBufferPointer { appendEscaped($0) } }
  }

  mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let p = bytes.baseAddress else { return }
    var run = 0
    for i in 0..<bytes.count {
      // The five are below 0x40; letters and every byte of a Japanese character are not.
      if p[i] >= 0x40 { continue }
      let entity: StaticString
      switch p[i] {
      case 0x3C: entity = "&lt;"
      case 0x3E: entity = "&gt;"
      case 0x26: entity = "&amp;"
      case 0x22: entity = "&quot;"
      case 0x27: entity = "&#39;"
      default: continue
      }
      if run != i { append(p + run, i - run) }
      append(entity)
      run = i + 1
    }
    if run != bytes.count { append(p + run, bytes.count - run) }
  }
}

extension TemplateProgram {
  /// How deep partials are rendered inside each other. The theme check refuses a partial that
  /// includes itself; one it cannot follow (a dynamic `{{>*name}}`) stops here rather than
  /// overflowing the stack, which killed `portal build` and `portal serve` with no message.
  static let maxPartialDepth = 64

  /// Renders template `t` over the page's context.
  func walk(template t: Int, _ context: TemplateContext) -> ByteSink {
    let root = TemplateValue.dict(context)
    return withUnsafePointer(to: root) { root in
      ops.withUnsafeBufferPointer { ops in
        paths.withUnsafeBufferPointer { paths in
          keys.withUnsafeBufferPointer { keys in
            keyBits.withUnsafeBufferPointer { keyBits in
              overrides.withUnsafeBufferPointer { overrides in
                let hints = self.hints.take()
                defer { self.hints.give(hints) }
                var walk = TemplateWalk(
                  ops: ops, paths: paths, keys: keys, keyBits: keyBits, overrides: overrides,
                  text: text, indentations: indentations, templates: templates, root: root,
                  hints: hints)
                walk.run(Int(templates[t].start), Int(templates[t].end))
                return walk.out
              }
            }
          }
        }
      }
    }
  }
}

/// One page's walk over a `TemplateProgram`, following swift-mustache's rules as
/// `FastTemplates` describes. The context stack, the indentation and the partials' overriding
/// blocks are changed in place and put back after each body.
///
/// The stack holds pointers to the values where they lie in the page's context (found through
/// `TemplateContext.unsafeEntries` and lists' storage), not copies: copying a value bound by a
/// lookup retained it, and many values (the site's keys, the kept cards) are read by every
/// thread at once, so each count was an atomic write to a shared cache line. The context is
/// held by the caller and not changed while the walk lasts, so every pointer stays valid.
private struct TemplateWalk {
  typealias Value = UnsafePointer<TemplateValue>

  let ops: UnsafeBufferPointer<TemplateProgram.Op>
  let paths: UnsafeBufferPointer<Int32>
  let keys: UnsafeBufferPointer<String>
  let keyBits: UnsafeBufferPointer<KeyBits>
  let overrides: UnsafeBufferPointer<TemplateProgram.Override>
  let text: UnsafeMutablePointer<UInt8>
  let indentations: [(offset: Int32, count: Int32)]
  let templates: [(start: Int32, end: Int32)]
  var stack: [Value]
  var out = ByteSink(capacity: 32_768)
  /// Where each name of `paths` was found last (`LookupHints`): looked at first.
  let hints: UnsafeMutablePointer<Int32>
  /// The indentation of the partials being rendered, outermost first.
  var indentation: [UInt8] = []
  /// The partial ops whose overriding blocks are in force, outermost first (the outer ones win,
  /// as in swift-mustache).
  var frames: [Int] = []
  /// Partials being rendered inside each other (`TemplateProgram.maxPartialDepth`).
  var partialDepth = 0

  /// Where an entry's key and value lie in it (read once: a static in the lookup was a
  /// `swift_once` check on every key compared).
  private let keyOffset = MemoryLayout<TemplateContext.Entry>.offset(of: \.key)!
  private let valueOffset = MemoryLayout<TemplateContext.Entry>.offset(of: \.value)!

  init(
    ops: UnsafeBufferPointer<TemplateProgram.Op>, paths: UnsafeBufferPointer<Int32>,
    keys: UnsafeBufferPointer<String>, keyBits: UnsafeBufferPointer<KeyBits>,
    overrides: UnsafeBufferPointer<TemplateProgram.Override>, text: UnsafeMutablePointer<UInt8>,
    indentations: [(offset: Int32, count: Int32)], templates: [(start: Int32, end: Int32)],
    root: Value, hints: UnsafeMutablePointer<Int32>
  ) {
    self.hints = hints
    self.ops = ops
    self.paths = paths
    self.keys = keys
    self.keyBits = keyBits
    self.overrides = overrides
    self.text = text
    self.indentations = indentations
    self.templates = templates
    stack = [root]
    stack.reserveCapacity(16)
  }

  /// Runs the ops from `i` up to `end`, a body's sequence.
  mutating func run(_ from: Int, _ end: Int) {
    var i = from
    guard !indentation.isEmpty else {
      while i < end { i = step(i) }
      return
    }
    // swift-mustache indents an op's output when what this body printed so far ends a line:
    // the indentation goes in before such an op and comes out again when it prints nothing.
    let start = out.count
    while i < end {
      let indents = endsWithNewline(after: start)
      if indents { indentation.withUnsafeBufferPointer { out.append($0.baseAddress!, $0.count) } }
      let mark = out.count
      i = step(i)
      if indents && out.count == mark { out.removeLast(indentation.count) }
    }
  }

  /// Whether what was written after the first `start` bytes ends with "\n" as its own last
  /// Character ("\r\n" is one Character in Swift, so it does not count).
  private func endsWithNewline(after start: Int) -> Bool {
    let count = out.count - start
    guard count > 0, out.base[out.count - 1] == 0x0A else { return false }
    return count < 2 || out.base[out.count - 2] != 0x0D
  }

  /// Runs the op at `i` (with its body); returns the op after it.
  private mutating func step(_ i: Int) -> Int {
    let op = ops[i]
    switch op.kind {
    case .text:
      out.append(text + Int(op.a), Int(op.b))
      return i + 1
    case .variable, .unescaped:
      if let value = lookup(op) { value.pointee.print(into: &out, escaped: op.kind == .variable) }
      return i + 1
    case .section:
      guard let value = lookup(op) else { return Int(op.c) }
      switch value.pointee.shape {
      case .list(let items):
        guard let first = items.baseAddress else { break }
        for k in 0..<items.count {
          stack.append(first + k)
          run(i + 1, Int(op.c))
          stack.removeLast()
        }
      case .flag(let b):
        if b { run(i + 1, Int(op.c)) }
      case .text(let isEmpty) where isEmpty:
        break
      case .text, .dict:
        stack.append(value)
        run(i + 1, Int(op.c))
        stack.removeLast()
      }
      return Int(op.c)
    case .inverted:
      let shown: Bool
      if let value = lookup(op) {
        switch value.pointee.shape {
        case .list(let items) where items.isEmpty:
          stack.append(value)
          run(i + 1, Int(op.c))
          stack.removeLast()
          return Int(op.c)
        case .flag(let b): shown = !b
        case .text(let isEmpty): shown = isEmpty
        case .list, .dict: shown = false
        }
      } else {
        shown = true
      }
      if shown { run(i + 1, Int(op.c)) }
      return Int(op.c)
    case .block:
      let kept = indent(op.b)
      if let o = overriding(op.a) {
        run(Int(o.start), Int(o.end))
      } else {
        run(i + 1, Int(op.c))
      }
      indentation.removeLast(indentation.count - kept)
      return Int(op.c)
    case .partial:
      guard op.a >= 0, partialDepth < TemplateProgram.maxPartialDepth else { return i + 1 }
      partialDepth += 1
      defer { partialDepth -= 1 }
      let kept = indent(op.b)
      if op.d > 0 { frames.append(i) }
      let t = templates[Int(op.a)]
      run(Int(t.start), Int(t.end))
      if op.d > 0 { frames.removeLast() }
      indentation.removeLast(indentation.count - kept)
      return i + 1
    }
  }

  /// Adds indentation `n` (if any) to the current one; returns the count to cut back to.
  private mutating func indent(_ n: Int32) -> Int {
    let kept = indentation.count
    if n >= 0 {
      let (offset, count) = indentations[Int(n)]
      indentation.append(
        contentsOf: UnsafeBufferPointer(start: text + Int(offset), count: Int(count)))
    }
    return kept
  }

  /// The body overriding block `name`: the outermost partial's that has one.
  private func overriding(_ name: Int32) -> TemplateProgram.Override? {
    for f in frames {
      let op = ops[f]
      for n in Int(op.c)..<Int(op.c + op.d) where overrides[n].name == name {
        return overrides[n]
      }
    }
    return nil
  }

  /// Looks the op's first name up the context stack, innermost first, and the rest inside what
  /// it found; only dictionaries have children.
  /// (`mutating` only so the walk is passed by address: as a value it was copied per lookup.)
  private mutating func lookup(_ op: TemplateProgram.Op) -> Value? {
    if op.b == 0 { return stack.last }
    let start = Int(op.a)
    var found: Value?
    var n = stack.count
    while n > 0 {
      n -= 1
      if let v = child(of: stack[n], start) {
        found = v
        break
      }
    }
    guard var value = found else { return nil }
    var k = start + 1
    while k < start + Int(op.b) {
      guard let v = child(of: value, k) else { return nil }
      value = v
      k += 1
    }
    return value
  }

  /// The value of the key that `paths[p]` names in `value`, when it is a dictionary that has
  /// one: the entry where that name was found last first (`hints`), then every entry.
  @inline(__always) private mutating func child(of value: Value, _ p: Int) -> Value? {
    guard case .dict(let entries) = value.pointee.shape, let base = entries.baseAddress else {
      return nil
    }
    let k = Int(paths[p])
    let bits = keyBits[k]
    let hint = Int(hints[p])
    if hint < entries.count {
      let entry = UnsafeRawPointer(base + hint)
      if bits.matches(at: entry + keyOffset, key: keys[k]) {
        return (entry + valueOffset).assumingMemoryBound(to: TemplateValue.self)
      }
    }
    for e in 0..<entries.count where e != hint {
      let entry = UnsafeRawPointer(base + e)
      if bits.matches(at: entry + keyOffset, key: keys[k]) {
        hints[p] = Int32(truncatingIfNeeded: e)
        return (entry + valueOffset).assumingMemoryBound(to: TemplateValue.self)
      }
    }
    return nil
  }
}

extension TemplateValue {
  /// What a section does with a value, read where the value lies: a method call borrows the
  /// value in place, where binding its payload in the walk copied it (a retain of text, lists
  /// and dictionaries every thread shares).
  enum Shape {
    case text(isEmpty: Bool)
    case flag(Bool)
    /// The dictionary's entries where they lie (`TemplateContext.unsafeEntries`).
    case dict(UnsafeBufferPointer<TemplateContext.Entry>)
    /// The list's items where they lie; valid while the list lives unchanged.
    case list(UnsafeBufferPointer<TemplateValue>)
  }

  var shape: Shape {
    switch self {
    case .text(let s): .text(isEmpty: s.isEmpty)
    case .bool(let b): .flag(b)
    case .dict(let d): .dict(d.unsafeEntries)
    case .list(let items): .list(items.withUnsafeBufferPointer { $0 })
    }
  }

  /// Prints the value as `{{name}}` (escaped) or `{{{name}}}` does. A list or dictionary
  /// printed as text prints nothing: it has no text of its own (swift-mustache printed Swift's
  /// description of it, its keys in a different order each run), and `TemplateCheck` warns of
  /// such a tag.
  func print(into out: inout ByteSink, escaped: Bool) {
    switch self {
    case .text(let s): if escaped { out.appendEscaped(s) } else { out.append(s) }
    case .bool(let b): out.append(b ? "true" : "false")
    case .dict, .list: break
    }
  }
}
