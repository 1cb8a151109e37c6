import ArgumentParser

/// `--format text|json` of the commands that print a report (`check`, `claim`, `list`,
/// `status`, `deadline`, `calendar`): text for a person, JSON for a program (`cli.md`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}
