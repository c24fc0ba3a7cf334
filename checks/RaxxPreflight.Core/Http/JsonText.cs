using System.Text.Json;

namespace RaxxPreflight.Http;

/// <summary>Reads a string field of a JSON object that may not be there, or not be a string.</summary>
internal static class JsonText
{
    public static string? Of(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
