import Foundation
import RedressCore
import RedressStore
import RedressTestSupport

/// File mode bits (the permission part) of `path`, without following a final symlink.
func mode(_ path: String) -> mode_t {
  var st = stat()
  guard lstat(path, &st) == 0 else { return 0 }
  return st.st_mode & 0o777
}

/// A small complete case with two evidence files below `folder`.
func sampleCase(
  id: String?, in folder: TempFolder, evidence: [String: String] = [:], caseName: String = "case.yaml"
) throws -> LoadedCase {
  var c = CaseFile()
  c.id = id
  var person = Complainant()
  person.name = "王小明"
  person.phone = "13800138000"
  person.address = "北京市朝阳区某某路1号"
  c.complainant = person
  var shop = Respondent()
  shop.name = "某某电器销售有限公司"
  shop.address = "南京市玄武区某某大道8号"
  c.respondent = shop
  var items: [Evidence] = []
  for (i, (file, text)) in evidence.sorted(by: { $0.key < $1.key }).enumerated() {
    try folder.write(file, Data(text.utf8))
    var e = Evidence()
    e.id = "E\(i + 1)"
    e.kind = .photo
    e.title = "照片\(i + 1)"
    e.file = file
    items.append(e)
  }
  c.evidence = items
  let caseURL = folder.path(caseName)
  try Data(CaseFileWriter.yaml(for: c).utf8).write(to: caseURL)
  return try LoadedCase.load(contentsOf: caseURL)
}
