namespace RaxxPreflight.Configuration;

/// <summary>
/// A finding the team has accepted, for a while: on <see cref="CheckId"/>, the finding about <see cref="Subject"/>
/// (a config var's name, an extension, a job, a database: what the finding names, never a value) neither fails
/// nor warns until <see cref="Expires"/> has passed. From <c>waivers</c> in <c>.config/preflight.json</c>.
/// </summary>
/// <param name="CheckId">The item it applies to.</param>
/// <param name="Subject">What the waived finding is about, as the finding names it.</param>
/// <param name="Reason">Why it is accepted.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Expires">The last day it holds (UTC); the day after, the finding fails the item again.</param>
public sealed record Waiver(string CheckId, string Subject, string Reason, string Owner, DateOnly Expires)
{
    /// <summary>Whether it still holds on <paramref name="today"/>.</summary>
    public bool LiveOn(DateOnly today) => today <= Expires;

    /// <summary><c>(one project until the split; owner ops@raxx.example; until 2027-01-31)</c>.</summary>
    public string Terms =>
        $"({Reason}; owner {Owner}; until {Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)})";

    /// <summary><c>SENTRY_DSN_QUEUE (one project until the split; owner ops@raxx.example; until 2027-01-31)</c>.</summary>
    public override string ToString() => $"{Subject} {Terms}";
}
