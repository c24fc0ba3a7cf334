using RaxxPreflight.Reporting;

namespace RaxxPreflight.Checks.Results;

/// <summary>Records what the current item saw, for the operator's report; never a secret value.</summary>
internal static class Seen
{
    /// <summary>Staging's or prod's state: its release, formation, dynos, health, plan.</summary>
    public static void State(string environment, string name, string value) =>
        ItemRecorder.Current.Saw(EvidenceTopic.State, environment, name, value);

    /// <summary>One fact of both environments' databases, for the report's Postgres delta.</summary>
    public static void Databases(
        string name,
        Database.DatabaseReading staging,
        Database.DatabaseReading prod,
        Func<Database.DatabaseReading, string> fact
    )
    {
        Add(EvidenceTopic.Postgres, Stages.Staging, name, fact(staging));
        Add(EvidenceTopic.Postgres, Stages.Prod, name, fact(prod));
    }

    /// <summary>Anything else, under its topic (<see cref="EvidenceTopics"/>).</summary>
    public static void Add(EvidenceTopic topic, string? environment, string name, string value) =>
        ItemRecorder.Current.Saw(topic, environment, name, value);
}
