import RedressCore

// `redress export CASE --eml` (issue 6); the work is in ExportEML.swift.
extension ExportCommand {
  func exportEML(_ env: CommandEnvironment) throws -> Int32 {
    try EMLExport(caseRef: caseRef, to: to, from: from, maxSize: maxSize, output: output, today: today).run(
      env)
  }
}
