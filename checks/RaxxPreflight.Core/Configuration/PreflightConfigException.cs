namespace RaxxPreflight.Configuration;

/// <summary>The configuration or the environment is wrong; the message is one line naming what and where.</summary>
public sealed class PreflightConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PreflightConfigException() { }

    /// <summary>Creates the exception with its one-line message.</summary>
    public PreflightConfigException(string message)
        : base(message) { }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public PreflightConfigException(string message, Exception innerException)
        : base(message, innerException) { }
}
