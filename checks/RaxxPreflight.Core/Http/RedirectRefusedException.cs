namespace RaxxPreflight.Http;

/// <summary>
/// A read answered with a redirect to another host: not followed. What the other host would say (a proxy's login
/// page, a stranger's 406) is no answer of the API, and the request's credentials are not for it.
/// </summary>
public sealed class RedirectRefusedException : HttpRequestException
{
    /// <summary>Creates the refusal; <paramref name="message"/> says what was redirected where.</summary>
    public RedirectRefusedException(string message)
        : base(message) { }

    /// <summary>Creates the refusal with no words.</summary>
    public RedirectRefusedException() { }

    /// <summary>Creates the refusal with its cause.</summary>
    public RedirectRefusedException(string message, Exception innerException)
        : base(message, innerException) { }

    /// <summary>The line for <paramref name="service"/>: what was redirected, where, and what to check.</summary>
    public string For(string service) =>
        $"{service} {Message}: check that the API URL names the API itself (not a proxy or another host that redirects) and run again";
}
