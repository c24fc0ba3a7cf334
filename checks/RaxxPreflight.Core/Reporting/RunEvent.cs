using System.Text.Json;
using System.Text.Json.Serialization;

namespace RaxxPreflight.Reporting;

/// <summary>
/// What the checklist process tells the runner while it runs, one JSON line each (<c>PREFLIGHT_EVENTS</c>):
/// an item started, a waiting item looked and must look again, an item finished with its result.
/// </summary>
/// <param name="Kind"><see cref="Started"/>, <see cref="Waiting"/> or <see cref="Finished"/>.</param>
/// <param name="CheckId">The item.</param>
/// <param name="Result">For <see cref="Finished"/>: the item's result.</param>
/// <param name="Problem">For <see cref="Waiting"/>: what does not hold yet.</param>
/// <param name="Elapsed">For <see cref="Waiting"/>: seconds the wait has taken so far.</param>
/// <param name="Timeout">For <see cref="Waiting"/>: seconds the wait may take.</param>
/// <param name="Service">The service the item checks.</param>
public sealed record RunEvent(
    RunEventKind Kind,
    string CheckId,
    CheckResult? Result = null,
    string? Problem = null,
    double? Elapsed = null,
    double? Timeout = null,
    string? Service = null
)
{
    /// <summary>An item began.</summary>
    public const RunEventKind Started = RunEventKind.Started;

    /// <summary>A waiting item looked, and the state does not hold yet.</summary>
    public const RunEventKind Waiting = RunEventKind.Waiting;

    /// <summary>An item ended; <see cref="Result"/> holds its result.</summary>
    public const RunEventKind Finished = RunEventKind.Finished;

    /// <summary>The item and service the event is of: <see cref="CheckResult.KeyOf"/>.</summary>
    public string Key => CheckResult.KeyOf(Service, CheckId);

    /// <summary>What starts an event's line, so that the runner tells events from anything else printed.</summary>
    public const string LinePrefix = "##raxx-preflight ";

    /// <summary>The serializer options of events and of the JSON report: camelCase, nulls left out.</summary>
    public static JsonSerializerOptions Json { get; } =
        new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Lines and reports are read by people and tools, never embedded in HTML: keep quotes and apostrophes as they are.
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
                ReportJson.Default,
                new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()
            ),
        };

    /// <summary>The event as one line, prefix included.</summary>
    public string ToLine() => LinePrefix + JsonSerializer.Serialize(this, Json);

    /// <summary>Reads an event line; null when <paramref name="line"/> is not one (or is damaged).</summary>
    public static RunEvent? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(LinePrefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<RunEvent>(line.AsSpan(LinePrefix.Length), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What a <see cref="RunEvent"/> tells; its JSON spelling is the word on the wire.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunEventKind>))]
public enum RunEventKind
{
    /// <summary>An item began.</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    /// <summary>A waiting item looked, and the state does not hold yet.</summary>
    [JsonStringEnumMemberName("waiting")]
    Waiting,

    /// <summary>An item ended with its result.</summary>
    [JsonStringEnumMemberName("finished")]
    Finished,
}
