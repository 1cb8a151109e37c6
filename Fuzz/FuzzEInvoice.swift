// libFuzzer entry point over the e-invoice (数电票) XML reader: any bytes must end in an
// invoice or a clear error, never a crash, a hang or an entity expansion.
import Foundation
import RedressCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEInvoice(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  _ = EInvoiceReader.looksLikeEInvoice(bytes)
  if let invoice = try? EInvoiceReader.read(data: bytes) {
    // Whatever was read is usable: amounts are exact and non-negative where present.
    _ = String(describing: invoice)
  }
  return 0
}
