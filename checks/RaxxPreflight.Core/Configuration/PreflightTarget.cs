namespace RaxxPreflight.Configuration;

/// <summary>What a run checks: the real APIs, or the in-process fakes serving one scenario. Never implicit.</summary>
public sealed record PreflightTarget
{
    /// <summary>The environment variable that names the target.</summary>
    public const string Variable = Settings.Target;

    private const string FakesPrefix = "fakes:";

    private PreflightTarget(string? scenario) => Scenario = scenario;

    /// <summary>The real APIs.</summary>
    public static PreflightTarget Live { get; } = new((string?)null);

    /// <summary>The scenario the fakes serve; null for <see cref="Live"/>.</summary>
    public string? Scenario { get; }

    /// <summary>True for the real APIs.</summary>
    public bool IsLive => Scenario is null;

    /// <summary>The fakes serving <paramref name="scenario"/>.</summary>
    public static PreflightTarget Fakes(string scenario) => new(scenario);

    /// <summary>Reads <c>PREFLIGHT_TARGET</c>: <c>live</c> or <c>fakes:&lt;scenario&gt;</c>.</summary>
    /// <exception cref="PreflightConfigException">Unset, or not one of the known forms.</exception>
    public static PreflightTarget Parse(string? text, IReadOnlyCollection<string> scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var usage =
            $"set {Variable}=live (with HEROKU_API_KEY and GITHUB_TOKEN) or {Variable}=fakes:<scenario> ({string.Join(", ", scenarios)})";
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PreflightConfigException($"{Variable} is not set, so nothing was checked: {usage}");
        }

        text = text.Trim();
        if (string.Equals(text, "live", StringComparison.Ordinal))
        {
            return Live;
        }

        if (text.StartsWith(FakesPrefix, StringComparison.Ordinal))
        {
            var scenario = text[FakesPrefix.Length..];
            return scenarios.Contains(scenario, StringComparer.Ordinal)
                ? Fakes(scenario)
                : throw new PreflightConfigException($"{Variable}={text} names no known scenario: {usage}");
        }

        throw new PreflightConfigException($"{Variable}={text} is not a target: {usage}");
    }

    /// <inheritdoc />
    public override string ToString() => IsLive ? "live" : FakesPrefix + Scenario;
}
