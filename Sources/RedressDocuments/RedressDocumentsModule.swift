/// Document templates and writers (txt, md, html, docx, pdf) and the evidence bundle.
public enum RedressDocumentsModule {}
