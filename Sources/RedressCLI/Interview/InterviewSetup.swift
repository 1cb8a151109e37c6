import Foundation
import RedressCore
import RedressInterview
import RedressStore

/// Builds the interview's context from a command's environment: the real terminal, the
/// language file, and the store, rules and documents seams.
enum InterviewSetup {
  /// The interview's words for the environment's language.
  static func text(_ env: CommandEnvironment) throws -> InterviewText {
    try InterviewText.load(language: env.language, templates: try env.data().templates)
  }

  /// Refuses to start without a terminal: the interview would wait for answers nobody types.
  static func requireTerminal(_ env: CommandEnvironment, text: InterviewText) throws {
    guard TTYTerminal.isAvailable else {
      throw UserError(text.message(.needsTerminal), exitCode: 2)
    }
  }

  static func context(
    _ env: CommandEnvironment, text: InterviewText, terminal: InterviewTerminal, today: CalendarDate?
  ) throws -> InterviewContext {
    let store: StoreDraftStore
    do {
      guard let opened = try env.openStore(create: true) else {
        throw UserError("cannot open the store \(env.storeDirectory.path)")
      }
      store = StoreDraftStore(store: opened)
    } catch let e as StoreError {
      throw UserError(e.message, exitCode: 3)
    }
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    formatter.locale = Locale(identifier: "en_US_POSIX")
    let legal = try env.data().legal
    return InterviewContext(
      terminal: terminal, text: text, drafts: store, ingestor: store,
      checker: RuleEngineChecker(legal: legal),
      today: today ?? CommandEnvironment.localToday(), home: env.environment["HOME"],
      currentDirectory: env.currentDirectory, formatTime: { formatter.string(from: $0) },
      legalBases: FindingsPrinter.bases,
      regions: try RegionNames.load(jurisdiction: "cn", legal: legal))
  }

  static func producer(_ env: CommandEnvironment, text: InterviewText) throws -> DocumentProducer {
    FilingDocumentProducer(templates: try env.data().templates, text: text)
  }

  /// Runs `body` on the real terminal, putting the terminal back however it ends.
  static func withTerminal(_ env: CommandEnvironment, _ body: (TTYTerminal) throws -> Int32) rethrows -> Int32
  {
    let terminal = TTYTerminal(usesColor: env.output.colorOut)
    defer { terminal.restore() }
    return try body(terminal)
  }
}
