/// The filing as e-mail message files (RFC 5322, MIME).
public enum RedressMailModule {}
