namespace RaxxPreflight.Reporting;

/// <summary>
/// One thing an item saw, in words that hold no secret: prod's current release, staging's plan, a config var's
/// kind. The operator's report is built from these, grouped by <see cref="Topic"/>.
/// </summary>
/// <param name="Topic">Which part of the report it belongs to (<see cref="EvidenceTopics"/>).</param>
/// <param name="Environment"><c>staging</c>, <c>prod</c>, or null when it is about neither alone.</param>
/// <param name="Name">What was seen: <c>release</c>, <c>plan</c>, a config var's name.</param>
/// <param name="Value">What it was, masked where it could be secret.</param>
public sealed record Evidence(string Topic, string? Environment, string Name, string Value);

/// <summary>The topics evidence is grouped by.</summary>
public static class EvidenceTopics
{
    /// <summary>An environment's state: release, formation, dynos, health, plan, Stripe mode.</summary>
    public const string State = "state";

    /// <summary>The config var diff, by name, with each var's kind (never a value).</summary>
    public const string ConfigVars = "config-vars";

    /// <summary>The Postgres delta: plans, versions, extensions, schema.</summary>
    public const string Postgres = "postgres";

    /// <summary>What stands before the prod deploy.</summary>
    public const string Gate = "gate";

    /// <summary>The deploy's source: main's HEAD, the run that built it.</summary>
    public const string Source = "source";
}
