/// The case store (SQLite through GRDB) and evidence ingest.
public enum RedressStoreModule {}
