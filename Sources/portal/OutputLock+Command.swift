import ArgumentParser
import Build
import Content
import Diagnostics
import Foundation

extension OutputLock {
  /// The output's lock for a command, or the command's end: another build is waited for
  /// (said on stderr), `portal serve` is an error with what to do instead (exit 1).
  /// With `format` other than text, the failure is also printed as the one problem of the
  /// run (`output.lock`) on stdout, so a CI step reading JSON or workflow commands gets it.
  static func take(
    for command: Command, _ options: BuildOptions, format: DiagnosticFormat = .text
  ) throws -> OutputLock? {
    let output = options.outputDirectory
    do throws(Failure) {
      return try acquire(
        output: output,
        protecting: [options.contentDirectory, options.themeDirectory]
          + (options.staticDirectory.map { [$0] } ?? []),
        for: command
      ) { holder in
        let shown = ContentLoader.displayPath(for: output)
        FileHandle.standardError.write(
          Data(
            say(
              "Waiting for \(holder) to finish writing \(shown)/…\n",
              "\(japanese(holder))が \(shown)/ を書き終えるのを待っています…\n"
            ).utf8))
      }
    } catch {
      FileHandle.standardError.write(
        Data(say("Error: \(error)\nHelp: \(error.help)\n", japanese(error) + "\n").utf8))
      if format != .text {
        print(
          DiagnosticPrinter.render(
            [diagnostic(error, output: output)], as: format, language: .current))
      }
      throw ExitCode(1)
    }
  }

  /// The failure as a problem at the output folder, for the formats CI reads.
  static func diagnostic(_ failure: Failure, output: URL) -> Diagnostic {
    let lines = japanese(failure).split(separator: "\n", maxSplits: 1).map {
      String($0.drop(while: { $0 != " " }).dropFirst())
    }
    return .error(
      SourceLocation(file: ContentLoader.displayPath(for: output)), failure.description,
      hint: failure.help, code: "output.lock"
    ).ja(lines.first ?? "", hint: lines.count > 1 ? lines[1] : nil)
  }

  /// Who holds the lock, in Japanese, spaced to be followed by a particle:
  /// `portal serve（プロセス 123、http://127.0.0.1:8080/）`, or `portal build ` alone.
  static func japanese(_ holder: Holder) -> String {
    var details: [String] = []
    if let pid = holder.pid { details.append("プロセス \(pid)") }
    if let url = holder.url { details.append(url) }
    guard let command = holder.command else {
      return details.isEmpty
        ? "ほかの portal のコマンド" : "ほかの portal のコマンド（\(details.joined(separator: "、"))）"
    }
    let name = "portal \(command.rawValue)"
    return details.isEmpty ? name + " " : "\(name)（\(details.joined(separator: "、"))）"
  }

  /// The failure as `Error: …` and `直し方: …` lines. The reasons Build gives for `.refused`
  /// and `.io` are in English only; what to do is said in Japanese.
  static func japanese(_ failure: Failure) -> String {
    switch failure {
    case .served(let holder, let output):
      let open = holder.url.map { "\($0) を開いて確かめるか、" } ?? ""
      return
        "Error: \(japanese(holder))が \(output)/ に書き込んでいます\n直し方: portal serve は、保存のたびに \(output)/ を作り直しています。\(open)先に portal serve を止めてください（動いているターミナルで Ctrl-C）。別のフォルダーに書き出すときは、`--output` で指定してください"
    case .refused(let message):
      return
        "Error: \(message)\n直し方: `--output` で、`site` のような出力だけのフォルダーを指定してください（Portal は、自分で作ったフォルダーにしか書き出しません）"
    case .io(let message):
      return
        "Error: \(message)\n直し方: 出力フォルダーを置くフォルダーがあるか、そこに書き込めるかを確かめてください"
    }
  }
}
