namespace RaxxPreflight.Http;

/// <summary>A request other than GET was attempted and refused before it was sent.</summary>
public sealed class ReadOnlyViolationException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public ReadOnlyViolationException() { }

    /// <summary>Creates the exception with its one-line message.</summary>
    public ReadOnlyViolationException(string message)
        : base(message) { }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public ReadOnlyViolationException(string message, Exception innerException)
        : base(message, innerException) { }
}
