import ArgumentParser
import Build
import Content
import Foundation

extension OutputLock {
  /// The output's lock for a command, or the command's end: another build is waited for
  /// (said on stderr), `portal serve` is an error with what to do instead (exit 1).
  static func take(for command: Command, _ options: BuildOptions) throws -> OutputLock? {
    let output = options.outputDirectory
    do throws(Failure) {
      return try acquire(
        output: output, protecting: [options.contentDirectory, options.themeDirectory],
        for: command
      ) { holder in
        FileHandle.standardError.write(
          Data(
            "Waiting for \(holder) to finish writing \(ContentLoader.displayPath(for: output))/…\n"
              .utf8))
      }
    } catch {
      FileHandle.standardError.write(Data("Error: \(error)\nHelp: \(error.help)\n".utf8))
      throw ExitCode(1)
    }
  }
}
