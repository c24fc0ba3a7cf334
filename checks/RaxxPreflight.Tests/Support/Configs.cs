using System.Text.Json.Nodes;

namespace RaxxPreflight.Tests.Support;

/// <summary>Deploy descriptions for tests: the project's own, changed as a test needs, in a file of its own.</summary>
internal static class Configs
{
    /// <summary>Writes <c>.config/preflight.json</c> with <paramref name="change"/> made to it; returns the file's path.</summary>
    /// <summary>Writes <paramref name="json"/> to a temporary file and returns its path.</summary>
    public static string Write(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"raxx-preflight-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    public static string Write(Action<JsonObject> change)
    {
        var config = JsonNode.Parse(File.ReadAllText(Repo.DefaultConfig))!.AsObject();
        config.Remove("$schema");
        change(config);
        var path = Path.Combine(Path.GetTempPath(), $"raxx-preflight-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, config.ToJsonString());
        return path;
    }
}
