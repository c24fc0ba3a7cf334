namespace RaxxPreflight.Http;

/// <summary>
/// A remote read failed: the message is one line naming the service, the request, the status and
/// what to do. Only the items that depend on that read fail with it.
/// </summary>
public sealed class RemoteServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemoteServiceException() { }

    /// <summary>Creates the exception with its one-line message.</summary>
    public RemoteServiceException(string message)
        : base(message) { }

    /// <summary>Creates the exception with its one-line message and cause.</summary>
    public RemoteServiceException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>The HTTP status, when the service answered.</summary>
    public int? StatusCode { get; init; }
}
