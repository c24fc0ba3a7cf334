namespace RaxxPreflight.Reporting;

/// <summary>
/// One thing an item saw, in words that hold no secret: prod's current release, staging's plan, a config var's
/// kind. The operator's report is built from these, grouped by <see cref="Topic"/>.
/// </summary>
/// <param name="Topic">Which part of the report it belongs to (<see cref="EvidenceTopic"/>).</param>
/// <param name="Environment"><c>staging</c>, <c>prod</c>, or null when it is about neither alone.</param>
/// <param name="Name">What was seen: <c>release</c>, <c>plan</c>, a config var's name.</param>
/// <param name="Value">What it was, masked where it could be secret.</param>
public sealed record Evidence(EvidenceTopic Topic, string? Environment, string Name, string Value);

/// <summary>The topics evidence is grouped by; the JSON spelling is the report's.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<EvidenceTopic>))]
public enum EvidenceTopic
{
    /// <summary>A stage's state: release, formation, dynos, health, plan, Stripe mode.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("state")]
    State,

    /// <summary>The config var diff, by name, with each var's kind (never a value).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("config-vars")]
    ConfigVars,

    /// <summary>The Postgres delta: plans, versions, extensions, schema.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("postgres")]
    Postgres,

    /// <summary>What stands before the prod deploy.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("gate")]
    Gate,

    /// <summary>The deploy's source: main's HEAD, the run that built it.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("source")]
    Source,
}
