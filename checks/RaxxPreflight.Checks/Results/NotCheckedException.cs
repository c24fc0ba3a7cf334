namespace RaxxPreflight.Checks.Results;

/// <summary>
/// An item could not be checked (an API error, a setup error): what xunit shows in place of the exception that
/// stopped it, its message scrubbed of every secret the run has read.
/// </summary>
public sealed class NotCheckedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NotCheckedException() { }

    /// <summary>Creates the exception with its scrubbed message.</summary>
    public NotCheckedException(string message)
        : base(message) { }

    /// <summary>Creates the exception with its scrubbed message and cause.</summary>
    public NotCheckedException(string message, Exception innerException)
        : base(message, innerException) { }
}
