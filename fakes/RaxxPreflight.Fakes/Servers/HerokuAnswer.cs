namespace RaxxPreflight.Fakes.Servers;

/// <summary>One answer of the Heroku fake before its common headers are added.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="NextRange">The <c>Next-Range</c> header of a 206 page.</param>
internal sealed record HerokuAnswer(int Status, string Body, string? NextRange = null);
