"""Independent oracle for redress's .eml files: parses each message with Python's email
package (policy.default) and prints, as JSON, what a mail client would see: the decoded
headers, the MIME structure, the text of the body parts, and every attachment's decoded
name, type, size and SHA-256.

usage: eml_report.py FILE.eml...
"""
import email
import hashlib
import json
import sys
from email import policy


def report(path):
    with open(path, "rb") as f:
        data = f.read()
    msg = email.message_from_bytes(data, policy=policy.default)
    out = {
        "file": path,
        "headerNames": [k for k in msg.keys()],
        "subject": str(msg["Subject"]) if msg["Subject"] is not None else None,
        "from": str(msg["From"]) if msg["From"] is not None else None,
        "to": str(msg["To"]) if msg["To"] is not None else None,
        "bcc": str(msg["Bcc"]) if msg["Bcc"] is not None else None,
        "cc": str(msg["Cc"]) if msg["Cc"] is not None else None,
        "date": str(msg["Date"]) if msg["Date"] is not None else None,
        "messageID": str(msg["Message-ID"]) if msg["Message-ID"] is not None else None,
        "mimeVersion": str(msg["MIME-Version"]) if msg["MIME-Version"] is not None else None,
        "contentType": msg.get_content_type(),
        "defects": [],
        "structure": [],
        "fromMailboxes": [],
        "toMailboxes": [],
        "plain": None,
        "html": None,
        "attachments": [],
    }
    for name in ("From", "To"):
        header = msg[name]
        if header is not None:
            key = "fromMailboxes" if name == "From" else "toMailboxes"
            out[key] = [
                {"displayName": a.display_name, "addrSpec": a.addr_spec} for a in header.addresses
            ]
    if msg["Date"] is not None:
        out["dateISO"] = msg["Date"].datetime.isoformat()
    for part in msg.walk():
        out["structure"].append(part.get_content_type())
        for defect in part.defects:
            out["defects"].append(type(defect).__name__ + ": " + str(defect))
        for header_name, value in part.items():
            for defect in getattr(value, "defects", []):
                out["defects"].append(header_name + ": " + type(defect).__name__ + ": " + str(defect))
    body = msg.get_body(preferencelist=("plain",))
    if body is not None:
        out["plain"] = body.get_content()
    body = msg.get_body(preferencelist=("html",))
    if body is not None:
        out["html"] = body.get_content()
    for part in msg.iter_attachments():
        payload = part.get_payload(decode=True) or b""
        out["attachments"].append(
            {
                "filename": part.get_filename(),
                "contentType": part.get_content_type(),
                "legacyName": str(part.get_param("name", header="content-type")),
                "disposition": part.get_content_disposition(),
                "transferEncoding": part.get("Content-Transfer-Encoding"),
                "size": len(payload),
                "sha256": hashlib.sha256(payload).hexdigest(),
            }
        )
    return out


def main(argv):
    print(json.dumps([report(p) for p in argv[1:]], ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main(sys.argv)
