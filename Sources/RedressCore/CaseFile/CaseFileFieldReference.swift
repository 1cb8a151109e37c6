/// The field reference, `docs/case-file-fields.md`: every path of the case file with its
/// type, whether it must be given and what the reader checks beyond the type, generated from
/// the field tables (`CaseFile.fields`). A test keeps the committed page current.
public enum CaseFileFieldReference {
  public static func markdown() -> String {
    var out = """
      # Case-file fields

      Generated from the field tables (`Sources/RedressCore/CaseFile/CaseFileFields.swift`);
      do not edit. After changing a table, re-record it with
      `REDRESS_RECORD=1 swift test --filter CaseFileFieldTableTests`. What each field means is
      in the contract, `case-file.md`; the paths are those a rule names (`docs/rules.md`).

      An element of a list is written `[]` (`purchase.items[].name`). *Required* fields
      missing or blank leave the complaint incomplete (`redress validate` errors, the rule
      `cn.missing-contents`); *expected* ones are warnings (`cn.incomplete-facts`).

      | Path | Type | Given | Checked |
      |---|---|---|---|

      """
    func walk(_ fields: [CaseFieldDescription], _ prefix: String, section: String?) {
      for f in fields {
        let path = prefix + f.key
        out +=
          "| `\(path)` | \(type(f.type)) | \(presence(f.presence, section: section)) | \(f.check ?? "") |\n"
        switch f.type {
        case .section: walk(f.children, path + ".", section: path)
        case .list: walk(f.children, path + "[].", section: path + "[]")
        default: break
        }
      }
    }
    walk(CaseFile.fields.map(\.description), "", section: nil)
    return out
  }

  static func type(_ type: CaseFieldSchema.FieldType) -> String {
    switch type {
    case .word(let words): return "one of " + words.map { "`\($0)`" }.joined(separator: ", ")
    case .date: return "a date YYYY-MM-DD"
    case .money: return "an amount (decimal text)"
    default: return type.noun
    }
  }

  static func presence(_ presence: FieldPresence, section: String?) -> String {
    switch presence {
    case .optional: return "optional"
    case .required: return "required"
    case .requiredInSection: return "required when `\(section ?? "")` is present"
    case .expected: return "expected"
    }
  }
}
