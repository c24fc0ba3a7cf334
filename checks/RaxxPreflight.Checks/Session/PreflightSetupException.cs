namespace RaxxPreflight.Checks.Session;

/// <summary>The run could not start (no target, a missing credential, a malformed config): nothing was checked.</summary>
public sealed class PreflightSetupException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PreflightSetupException() { }

    /// <summary>Creates the exception with its one-line message.</summary>
    public PreflightSetupException(string message)
        : base(message) { }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public PreflightSetupException(string message, Exception innerException)
        : base(message, innerException) { }
}
