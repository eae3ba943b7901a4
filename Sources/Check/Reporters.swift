import Diagnostics
import Foundation

public enum CheckFormat: String, Sendable, CaseIterable {
  case text, json, junit, github
}

/// Prints a report: text for people, Portal's diagnostics JSON for editors and scripts, JUnit
/// XML so CI systems list each page as a test and each broken page as a failure, and GitHub
/// Actions' workflow commands (annotations on the lines named, the summary line after them).
/// Text is in `language` (`MessageLanguage.current` for `portal check`); JSON keeps the English
/// with the Japanese beside it, and JUnit, read by CI, stays English.
public enum CheckReporter {
  public static func render(
    _ report: CheckReport, as format: CheckFormat, strict: Bool = false,
    language: MessageLanguage = .english
  )
    -> String
  {
    switch format {
    case .text, .github:
      let list = report.diagnostics
      let form: DiagnosticFormat = format == .text ? .text : .github
      return
        (list.isEmpty
        ? "" : DiagnosticPrinter.render(list, as: form, language: language) + "\n")
        + summary(report, in: language)
    case .json: return DiagnosticPrinter.render(report.diagnostics, as: .json)
    case .junit: return junit(report, strict: strict)
    }
  }

  /// The summary in `language`: `summary(_:)` itself in English, the same facts in Japanese,
  /// counted as every Japanese summary counts (`JapaneseCount`).
  public static func summary(_ report: CheckReport, in language: MessageLanguage) -> String {
    guard language == .japanese else { return summary(report) }
    let list = report.diagnostics
    var s =
      "ファイル\(JapaneseCount.things(report.pages.count))とリンク\(JapaneseCount.things(report.referencesChecked))を確かめました"
    let e = report.external
    if e.checked + e.skipped > 0 {
      s +=
        "（ほかのサイトへのリンク\(JapaneseCount.things(e.checked))：うち\(JapaneseCount.things(e.fromCache))は前回の結果を使いました。ほかに\(JapaneseCount.things(e.skipped))は確かめていません）"
    }
    var parts: [String] = []
    if list.errorCount > 0 { parts.append("エラー\(JapaneseCount.items(list.errorCount))") }
    if list.warningCount > 0 { parts.append("警告\(JapaneseCount.items(list.warningCount))") }
    return s + "：" + (parts.isEmpty ? "問題はありません。" : parts.joined(separator: "、") + "です。")
  }

  /// One line: what was checked and what was found.
  public static func summary(_ report: CheckReport) -> String {
    let list = report.diagnostics
    let pages = report.pages.count
    var s =
      "Checked \(pages) \(pages == 1 ? "file" : "files") and \(report.referencesChecked) \(report.referencesChecked == 1 ? "link" : "links")"
    let e = report.external
    if e.checked + e.skipped > 0 {
      s += ", \(e.checked) external (\(e.fromCache) from cache, \(e.skipped) skipped)"
    }
    var parts: [String] = []
    if list.errorCount > 0 {
      parts.append("\(list.errorCount) \(list.errorCount == 1 ? "error" : "errors")")
    }
    if list.warningCount > 0 {
      parts.append("\(list.warningCount) \(list.warningCount == 1 ? "warning" : "warnings")")
    }
    return s + ": " + (parts.isEmpty ? "no problems." : parts.joined(separator: ", ") + ".")
  }

  /// One test case per file checked. A page's problems go into one `<failure>` (errors, and
  /// warnings with `strict`), the first as its message and all of them, with positions, as its
  /// text; warnings that do not fail go to `<system-out>`.
  public static func junit(_ report: CheckReport, strict: Bool) -> String {
    var byPage: [String: [Diagnostic]] = [:]
    for f in report.findings { byPage[f.page, default: []].append(f.pageDiagnostic) }
    var cases: [(name: String, diagnostics: [Diagnostic])] = report.pages.map {
      ($0, byPage[$0] ?? [])
    }
    for (page, list) in byPage where !report.pages.contains(page) { cases.append((page, list)) }
    if !report.general.isEmpty { cases.insert(("(site)", report.general), at: 0) }

    var body = ""
    var failures = 0
    for (name, list) in cases {
      let sorted = list.sorted
      let failing = sorted.filter { $0.severity == .error || strict }
      let passing = sorted.filter { !($0.severity == .error || strict) }
      let folder =
        name.split(separator: "/").count > 1 ? String(name.split(separator: "/")[0]) : "root"
      body += "    <testcase classname=\"portal.check.\(xml(folder))\" name=\"\(xml(name))\""
      if failing.isEmpty && passing.isEmpty {
        body += "/>\n"
        continue
      }
      body += ">\n"
      if let first = failing.first {
        failures += 1
        let more = failing.count > 1 ? " (and \(failing.count - 1) more)" : ""
        let message =
          "\(first.location.file):\(first.location.line):\(first.location.column): \(first.message)\(more)"
        body += "      <failure message=\"\(xml(message))\" type=\"\(xml(first.code ?? "check"))\">"
        body += xml(failing.map(\.text).joined(separator: "\n")) + "</failure>\n"
      }
      if !passing.isEmpty {
        body +=
          "      <system-out>" + xml(passing.map(\.text).joined(separator: "\n"))
          + "</system-out>\n"
      }
      body += "    </testcase>\n"
    }
    let counts = "tests=\"\(cases.count)\" failures=\"\(failures)\" errors=\"0\""
    return """
      <?xml version="1.0" encoding="UTF-8"?>
      <testsuites name="portal check" \(counts)>
        <testsuite name="portal check" \(counts) skipped="0">
      \(body)  </testsuite>
      </testsuites>
      """
  }

  /// Escaped for XML text and attributes; characters XML 1.0 forbids are dropped.
  static func xml(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for scalar in s.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
