using RaxxPreflight.Configuration;

namespace RaxxPreflight.Reporting;

/// <summary>
/// The longest a run may take, from its items' own timeouts: the set-up (the fakes' database servers, or the first
/// connections), then the longest chain of reads an item makes one after another, each bounded by the slowest of the
/// config's timeouts (an API call with its retries, a health probe, a database connection), and, for the post-deploy
/// items, the wait for the deploy to settle. Past it, every unfinished item is reported not checked and the run ends.
/// <c>PREFLIGHT_RUN_TIMEOUT</c> overrides it.
/// </summary>
internal static class RunBound
{
    /// <summary>The most reads an item makes one after another (a workflow's run, its jobs, a job's log, the file).</summary>
    public const int SequentialReads = 4;

    /// <summary>Setting up against the fakes: their servers, and their Postgres containers started and seeded.</summary>
    public static readonly TimeSpan FakesSetUp = TimeSpan.FromMinutes(2);

    /// <summary>Setting up a live run: reading the config, building the clients.</summary>
    public static readonly TimeSpan LiveSetUp = TimeSpan.FromSeconds(30);

    /// <summary>The bound of a run of <paramref name="selection"/> (the config and settings may be null: unreadable).</summary>
    public static TimeSpan For(Selection selection, bool fakes, PreflightConfig? config, PreflightSettings? settings)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (settings?.RunTimeout is { } asked)
        {
            return asked;
        }

        var slowest = new[]
        {
            config?.ApiTimeout ?? PreflightConfig.DefaultApiTimeout,
            config?.Health.Timeout ?? TimeSpan.Zero,
            config?.Database.ConnectTimeout ?? TimeSpan.Zero,
        }.Max();
        var settle = selection.Phases.Contains(Phases.PostDeploy, StringComparer.Ordinal)
            ? settings?.SettleTimeout ?? config?.PostDeploy.SettleTimeout ?? TimeSpan.FromMinutes(2)
            : TimeSpan.Zero;
        return (fakes ? FakesSetUp : LiveSetUp) + (slowest * SequentialReads) + settle;
    }
}
