/// The file primitives every layer that writes shares: atomic and owner-only writes, the
/// SHA-256 stream (libcrypto) and file hashing, the hashing copy and its chunk pipeline,
/// evidence files opened without following links, and the clean-up of temporaries a killed
/// writer left. Foundation and the system only: no database, no template engine.
public enum RedressFilesModule {}
