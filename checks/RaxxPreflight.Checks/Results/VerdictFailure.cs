namespace RaxxPreflight.Checks.Results;

/// <summary>
/// An item that did not hold, already recorded as data by <see cref="Verdict"/>: Shouldly's assertion failure, so
/// that <c>dotnet test</c> and IDEs show it as one, with the operator's message.
/// </summary>
public sealed class VerdictFailure : ShouldAssertException
{
    /// <summary>Creates the failure with its message: the reason, what was found, the fixes.</summary>
    public VerdictFailure(string? message)
        : base(message) { }

    /// <summary>Creates the failure with its message and cause.</summary>
    public VerdictFailure(string? message, Exception? innerException)
        : base(message, innerException) { }
}
