/// The interview's messages, by the key they have in `templates/interview/<lang>.yaml`. A test
/// checks that every key has words in every language and that no file has a key not listed
/// here.
package enum MessageKey: String, CaseIterable, Sendable {
  // Opening, resuming, leaving
  case welcomeTitle = "welcome_title"
  case welcome
  case resuming
  case resumeNew = "resume_new"
  case resumeStoppedAt = "resume_stopped_at"
  case resumeSavedAt = "resume_saved_at"
  case resumeHintNew = "resume_hint_new"
  case resumeHintEdit = "resume_hint_edit"
  case interruptedSaved = "interrupted_saved"
  case interruptedNothing = "interrupted_nothing"
  case stoppedSaved = "stopped_saved"
  case quitSaved = "quit_saved"
  case needsTerminal = "needs_terminal"
  case atStart = "at_start"
  case saveFailed = "save_failed"
  case noSuchCase = "no_such_case"
  case unknownSection = "unknown_section"

  // Questions
  case requiredMark = "required_mark"
  case flagMark = "flag_mark"
  case yes
  case no
  case required
  case cannotClear = "cannot_clear"

  // Answers that are not taken
  case invalidDate = "invalid_date"
  case noSuchDay = "no_such_day"
  case dateInFuture = "date_in_future"
  case dateBeforePurchase = "date_before_purchase"
  case badRegion = "bad_region"
  case dateBeforeFiling = "date_before_filing"
  case invalidMoney = "invalid_money"
  case moneyDecimals = "money_decimals"
  case moneyNegative = "money_negative"
  case invalidCount = "invalid_count"
  case invalidUnits = "invalid_units"
  case unitsAboveTotal = "units_above_total"
  case invalidFlag = "invalid_flag"
  case invalidChoice = "invalid_choice"
  case phoneHotline = "phone_hotline"
  case phoneInvalid = "phone_invalid"
  case businessPhoneInvalid = "business_phone_invalid"
  case idFormat = "id_format"
  case idProvince = "id_province"
  case idBirth = "id_birth"
  case idBirthFuture = "id_birth_future"
  case idCheck = "id_check"
  case creditFormat = "credit_format"
  case creditCharacter = "credit_character"
  case creditCheck = "credit_check"
  case postcodeInvalid = "postcode_invalid"
  case emailInvalid = "email_invalid"

  // Repeating groups
  case groupNone = "group_none"
  case groupMenu = "group_menu"
  case groupMenuEmpty = "group_menu_empty"
  case groupMenuFirst = "group_menu_first"
  case groupEntryTitle = "group_entry_title"
  case groupIncompleteMark = "group_incomplete_mark"
  case groupMinimum = "group_minimum"
  case groupIncomplete = "group_incomplete"
  case groupRemoved = "group_removed"
  case groupUnknown = "group_unknown"

  // Agent
  case agentExplained = "agent_explained"
  case poaTitle = "poa_title"
  case poaProves = "poa_proves"
  case poaAdded = "poa_added"

  // Evidence files
  case pathMissing = "path_missing"
  case pathMultiple = "path_multiple"
  case pathSymlink = "path_symlink"
  case pathDirectory = "path_directory"
  case pathFIFO = "path_fifo"
  case pathDevice = "path_device"
  case pathSpecial = "path_special"
  case pathUnreadable = "path_unreadable"
  case pathEmpty = "path_empty"
  case copying
  case fileStored = "file_stored"
  case copyFailed = "copy_failed"
  case noFile = "no_file"

  // The e-invoice
  case einvoiceTitle = "einvoice_title"
  case einvoiceRead = "einvoice_read"
  case einvoiceDiffers = "einvoice_differs"
  case einvoiceSame = "einvoice_same"
  case einvoiceFilled = "einvoice_filled"
  case einvoiceAddedAsEvidence = "einvoice_added_as_evidence"
  case einvoiceTaxIDInvalid = "einvoice_tax_id_invalid"
  case einvoiceDiscount = "einvoice_discount"
  case einvoiceUnitPriceInexact = "einvoice_unit_price_inexact"
  case einvoiceUnreadable = "einvoice_unreadable"
  case einvoiceRefused = "einvoice_refused"
  case einvoiceTooLarge = "einvoice_too_large"
  case einvoiceDeclaration = "einvoice_declaration"
  case einvoiceEncoding = "einvoice_encoding"
  case einvoiceMalformed = "einvoice_malformed"
  case einvoiceAmount = "einvoice_amount"
  case einvoiceNotInvoice = "einvoice_not_invoice"

  // Findings
  case findingBlock = "finding_block"
  case findingWarn = "finding_warn"
  case findingInfo = "finding_info"
  case findingAdvice = "finding_advice"
  case findingBasis = "finding_basis"
  case missingFields = "missing_fields"
  case rulesUnavailable = "rules_unavailable"
  case findingsTitle = "findings_title"
  case legalBasesTitle = "legal_bases_title"
  case quoted
  case noFindings = "no_findings"

  // Review
  case reviewActions = "review_actions"
  case reviewActionsEdit = "review_actions_edit"
  case reviewHelp = "review_help"
  case reviewUnknown = "review_unknown"
  case summaryOtherBodies = "summary_other_bodies"
  case summaryNoAgent = "summary_no_agent"
  case summaryPaid = "summary_paid"
  case summaryDiscovered = "summary_discovered"
  case summaryNoAttempts = "summary_no_attempts"
  case summaryAttempts = "summary_attempts"
  case summaryNoEvidence = "summary_no_evidence"

  // The end
  case outputFolderName = "output_folder_name"
  case outputNotFolder = "output_not_folder"
  case documentsFailed = "documents_failed"
  case generating
  case documentLetter = "document_letter"
  case documentEvidenceList = "document_evidence_list"
  case documentPowerOfAttorney = "document_power_of_attorney"
  case documentBundle = "document_bundle"
  case doneTitle = "done_title"
  case doneFolder = "done_folder"
  case nextStepsTitle = "next_steps_title"
  case nextStepsAgent = "next_steps_agent"
  case alreadyFiled = "already_filed"
  case toSign = "to_sign"
  case noEvidence = "no_evidence"
}
