namespace RaxxPreflight.Http;

/// <summary>
/// The visible marker on the one method allowed to make a mutating HTTP call (RXP0003), with the reason
/// the write changes nothing in production. The read-only guard must allow the same request at run time.
/// </summary>
/// <param name="reason">Why this write is safe.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class PermittedWriteAttribute(string reason) : Attribute
{
    /// <summary>Why this write is safe.</summary>
    public string Reason { get; } = reason;
}
