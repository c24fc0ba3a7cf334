using System.Text.Json;
using System.Text.Json.Serialization;

namespace RaxxPreflight.Reporting;

/// <summary>
/// The events' and the JSON report's contracts, generated at compile time (the checklist writes an event per item
/// and the runner reads each): no reflection on the run's way. <see cref="RunEvent.Json"/> falls back to reflection
/// for any other type.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RunEvent))]
[JsonSerializable(typeof(IReadOnlyList<CheckResult>))]
internal sealed partial class ReportJson : JsonSerializerContext;
