import RedressCore

// SEAM for the e-mail export (issue 6): replace this file with `export CASE --eml`.
// `ExportCommand` routes here when --eml is given.
extension ExportCommand {
  func exportEML(_ env: CommandEnvironment) throws -> Int32 {
    throw UserError("'redress export --eml' is not available in this build yet")
  }
}
