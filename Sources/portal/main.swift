import ArgumentParser
import Diagnostics
import Foundation

/// The `portal` command. Usage mistakes exit with status 2 (not ArgumentParser's 64), so CI
/// scripts can tell them from content errors (1).
struct Portal: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "portal",
    abstract: "Build the Chiba Prefecture DX portal from Markdown content.",
    discussion: """
      Quick start:
        portal build                 build content/ with theme/ into site/
        portal new initiative "タイトル" --slug my-initiative
        portal search "防災"          search the built site
      """,
    version: PortalCommands.version,
    subcommands: PortalCommands.all
  )
}

enum PortalCommands {
  static let all: [ParsableCommand.Type] = [
    BuildCommand.self, NewCommand.self, SearchCommand.self, CheckCommand.self, LintCommand.self,
    ServeCommand.self,
  ]

  /// `portal --version`: the version of the tool (bumped with its cache format and releases).
  static let version = "0.19.0"

  /// How `portal` is used, in Japanese: `portal <コマンド>` and the commands.
  static var japaneseUsage: String {
    "portal <コマンド>（コマンドは \(all.map { $0._commandName }.joined(separator: "、")) のどれかです）"
  }

  /// The command `arguments` run: the one the first names, else `portal` itself.
  static func command(for arguments: [String]) -> ParsableCommand.Type {
    all.first { $0._commandName == arguments.first } ?? Portal.self
  }

  /// How the command is typed: `portal build`, or `portal`.
  static func path(of type: ParsableCommand.Type) -> String {
    isRoot(type) ? "portal" : "portal \(type._commandName)"
  }

  /// Whether `type` is `portal` itself rather than one of its commands.
  static func isRoot(_ type: ParsableCommand.Type) -> Bool {
    ObjectIdentifier(type) == ObjectIdentifier(Portal.self)
  }
}

if let message = FullWidthSpaceSlip.message(for: Array(CommandLine.arguments.dropFirst()))
  ?? CommandSlips.message(for: Array(CommandLine.arguments.dropFirst()))
{
  FileHandle.standardError.write(Data((message + "\n").utf8))
  exit(2)
}

// A report that could not be written (`portal check --format junit > report.xml` on a full
// disk) is a failure, not an empty file and exit 0: stdout is flushed at the exit, and an
// error then exits 74 (EX_IOERR) saying so. A closed stdout (`>&-`) was meant to be.
atexit {
  guard fflush(nil) != 0, errno != EBADF else { return }
  let message = "Error: the command's output could not be written: \(String(cString: strerror(errno)))\n"
  _ = message.withCString { write(2, $0, strlen($0)) }
  _exit(74)
}

do {
  var command = try Portal.parseAsRoot()
  try command.run()
} catch {
  let code = Portal.exitCode(for: error)
  // `--help`, `-h` and `portal help <command>` in the writer's language (exit 0, as in English).
  if code == .success, MessageLanguage.current == .japanese,
    let help = JapaneseHelpPage.text(replacing: Portal.fullMessage(for: error))
  {
    FileHandle.standardOutput.write(Data(help.utf8))
    exit(0)
  }
  if code == .validationFailure {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let message = UsageMistakes.text(for: error, arguments: arguments)
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
  }
  Portal.exit(withError: error)
}
