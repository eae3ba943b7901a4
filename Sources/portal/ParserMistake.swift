/// A usage mistake ArgumentParser itself found, read from its English message: its error types
/// are internal, and the message is the part it keeps stable (its own tests and users match
/// it). A message of another shape is nil and printed as ArgumentParser wrote it; the tests of
/// the Japanese errors fail when a shape changes.
enum ParserMistake: Equatable {
  /// `--sorce`: no option of the command has that name.
  case unknownOption(String)
  /// `--port` last, or followed by another option.
  case missingValue(option: String)
  /// A required argument left out (`<query>`).
  case missingArgument(String)
  /// Words left over after every argument was read.
  case unexpected([String])
  /// A value the option or argument (`--port`, `<kind>`) cannot read.
  case invalidValue(String, for: String)
  /// `--drafts=yes`: a flag given a value.
  case valueNotTaken(option: String, value: String)

  init?(message: String) {
    if let name = Self.quoted(message, after: "Unknown option '") {
      self = .unknownOption(name)
    } else if let name = Self.quoted(message, after: "Missing value for '") {
      self = .missingValue(option: Self.firstWord(name))
    } else if let name = Self.quoted(message, after: "Missing expected argument '", last: true) {
      self = .missingArgument(name)
    } else if let word = Self.quoted(message, after: "Unexpected argument '", last: true) {
      self = .unexpected([word])
    } else if let list = message.range(of: " unexpected arguments: '"), message.hasSuffix("'"),
      Int(message[..<list.lowerBound]) != nil
    {
      self = .unexpected(
        message[list.upperBound..<message.index(before: message.endIndex)]
          .components(separatedBy: "', '"))
    } else if message.hasPrefix("The value '"),
      let middle = message.range(of: "' is invalid for '"),
      let target = Self.quoted(String(message[middle.upperBound...]), after: "")
    {
      let value = message[message.index(message.startIndex, offsetBy: 11)..<middle.lowerBound]
      self = .invalidValue(
        String(value), for: target.hasPrefix("<") ? target : Self.firstWord(target))
    } else if message.hasPrefix("The option '"), message.hasSuffix("' was specified."),
      let middle = message.range(of: "' does not take any value, but '")
    {
      let option = message[message.index(message.startIndex, offsetBy: 12)..<middle.lowerBound]
      let value = message[middle.upperBound..<message.index(message.endIndex, offsetBy: -16)]
      self = .valueNotTaken(option: String(option), value: String(value))
    } else {
      return nil
    }
  }

  /// The text between `prefix` (with which `message` starts) and the next `'`, or the last one.
  private static func quoted(_ message: String, after prefix: String, last: Bool = false)
    -> String?
  {
    guard message.hasPrefix(prefix) else { return nil }
    let rest = message.dropFirst(prefix.count)
    guard let end = last ? rest.lastIndex(of: "'") : rest.firstIndex(of: "'") else { return nil }
    return String(rest[..<end])
  }

  /// `--port` of `--port <port>`.
  private static func firstWord(_ text: String) -> String {
    String(text.prefix { $0 != " " })
  }
}
