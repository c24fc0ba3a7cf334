namespace RaxxPreflight.Database;

/// <summary>A database could not be read; the message names the host and the error, never the credentials.</summary>
public sealed class DatabaseCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatabaseCheckException() { }

    /// <summary>Creates the exception with its one-line message.</summary>
    public DatabaseCheckException(string message)
        : base(message) { }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public DatabaseCheckException(string message, Exception innerException)
        : base(message, innerException) { }
}
