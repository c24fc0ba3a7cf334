using System.Globalization;

namespace RaxxPreflight.Http;

/// <summary>
/// A GET the retry handler gave up on: what each attempt was answered, the last one included. Recorded as data by the
/// handler where it happens (<see cref="RetryLog.GaveUp"/>), read by the error that names the request.
/// </summary>
/// <param name="Answers">Each attempt's answer: a status code, or how the connection failed.</param>
public sealed record GivenUp(IReadOnlyList<string> Answers)
{
    /// <summary>The attempts in words: <c>3 attempts: 503, 503, 503</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Answers.Count} attempts: {string.Join(", ", Answers)}");
}
