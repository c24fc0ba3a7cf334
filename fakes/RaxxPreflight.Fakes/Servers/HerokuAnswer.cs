namespace RaxxPreflight.Fakes.Servers;

/// <summary>One answer of the Heroku fake before its common headers are added.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="NextRange">The <c>Next-Range</c> header of a 206 page.</param>
internal sealed record HerokuAnswer(int Status, string Body, string? NextRange = null)
{
    /// <summary>A list's <c>Content-Range</c>: the field and the first and last keys of the page, and its max.</summary>
    public string? ContentRange { get; init; }

    /// <summary>A list's <c>Accept-Ranges</c>: the fields it can be ranged by.</summary>
    public string? AcceptRanges { get; init; }
}
