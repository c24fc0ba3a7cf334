namespace RaxxPreflight.Checks.Results;

/// <summary>
/// Ends an item that does not apply to the service, already recorded as not applicable by <see cref="Verdict"/>:
/// <see cref="Item"/> catches it and the test passes in xunit's eyes (it found nothing wrong), while its result says
/// not applicable and why.
/// </summary>
public sealed class NotApplicableException : Exception
{
    /// <summary>Creates the end.</summary>
    public NotApplicableException() { }

    /// <summary>Creates the end with why the item does not apply.</summary>
    public NotApplicableException(string message)
        : base(message) { }

    /// <summary>Creates the end with why, and a cause.</summary>
    public NotApplicableException(string message, Exception innerException)
        : base(message, innerException) { }
}
