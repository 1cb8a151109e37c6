import RedressCore

/// The wording of `store init`, `store migrate` and of a register's writers in `list`/`log`.
extension CommandWords {
  var writerHeader: String { pick("记录人", "記錄人", "BY") }

  func loggedBy(_ role: String) -> String {
    pick("（记录人：\(role)）", "（記錄人：\(role)）", " (by \(role))")
  }

  var initNeedsRegister: String {
    pick(
      "store init 只用于 PostgreSQL 案件库：用 --store postgres://用户@主机:端口/数据库（或 REDRESS_STORE）指明",
      "store init 只用於 PostgreSQL 案件庫：用 --store postgres://用戶@主機:端口/數據庫（或 REDRESS_STORE）指明",
      "store init is for a PostgreSQL register: name it with --store postgres://USER@HOST:PORT/DB (or REDRESS_STORE)"
    )
  }

  func initDone(_ register: String, applied: [String], granted: [String]) -> String {
    let steps =
      applied.isEmpty ? pick("结构已是最新", "結構已是最新", "schema already current") : applied.joined(separator: "; ")
    return pick(
      "\(register)：\(steps)；已授权：\(granted.joined(separator: ", "))（redress_supervisor 的成员可以看到所有案件）",
      "\(register)：\(steps)；已授權：\(granted.joined(separator: ", "))（redress_supervisor 的成員可以看到所有案件）",
      "\(register): \(steps); granted: \(granted.joined(separator: ", ")) (members of redress_supervisor see every case)"
    )
  }

  var migrateNeedsLocal: String {
    pick(
      "store migrate 把本机案件库复制进 PostgreSQL 案件库：--store 应是本机文件夹，--to 是 postgres:// 地址",
      "store migrate 把本機案件庫複製進 PostgreSQL 案件庫：--store 應是本機文件夾，--to 是 postgres:// 地址",
      "store migrate copies a local store into a PostgreSQL register: --store is the local folder, --to the postgres:// URL"
    )
  }

  func noStoreAt(_ path: String) -> String {
    pick("\(path) 没有案件库", "\(path) 沒有案件庫", "there is no store in \(path)")
  }

  func migrated(_ id: String, evidenceFiles n: Int) -> String {
    pick(
      "已复制 \(id)：\(n) 个证据文件，已重新核验", "已複製 \(id)：\(n) 個證據文件，已重新核驗",
      "copied \(id): \(count(n, "evidence file")), re-hashed on arrival")
  }

  func migrateSkipped(_ id: String) -> String {
    pick(
      "\(id) 已在案件库中，内容相同，跳过", "\(id) 已在案件庫中，內容相同，略過",
      "\(id) is already in the register with the same contents; skipped")
  }

  func migrateRefused(_ id: String, _ why: String) -> String {
    pick("未复制 \(id)：\(why)", "未複製 \(id)：\(why)", "\(id) not copied: \(why)")
  }

  func migrateSummary(copied: Int, skipped: Int, refused: Int) -> String {
    pick(
      "复制了 \(copied) 个案件，跳过 \(skipped) 个（已在），拒绝 \(refused) 个",
      "複製了 \(copied) 個案件，略過 \(skipped) 個（已在），拒絕 \(refused) 個",
      "\(copied) copied, \(skipped) already there, \(refused) refused")
  }

  /// `store assign` / `unassign` on the local store.
  func assignNeedsRegister(_ command: String) -> String {
    pick(
      "store \(command) 只用于 PostgreSQL 案件库：本机案件库只属于一个人，没有别人可以指派；用 --store postgres://用户@主机:端口/数据库（或 REDRESS_STORE）指明案件库",
      "store \(command) 只用於 PostgreSQL 案件庫：本機案件庫只屬於一個人，沒有別人可以指派；用 --store postgres://用戶@主機:端口/數據庫（或 REDRESS_STORE）指明案件庫",
      "store \(command) is for a PostgreSQL register: the local store belongs to one person, so there is no one to assign a case to; name the register with --store postgres://USER@HOST:PORT/DB (or REDRESS_STORE)"
    )
  }

  /// Who a case is assigned to now.
  func assignment(_ id: String, owner: String, assigned: [String]) -> String {
    let others = assigned.joined(separator: ", ")
    return assigned.isEmpty
      ? pick(
        "\(id)：所有人 \(owner)，没有指派给其他人", "\(id)：所有人 \(owner)，沒有指派給其他人",
        "\(id): owned by \(owner), assigned to no one else")
      : pick(
        "\(id)：所有人 \(owner)，已指派给 \(others)", "\(id)：所有人 \(owner)，已指派給 \(others)",
        "\(id): owned by \(owner), assigned to \(others)")
  }
}
