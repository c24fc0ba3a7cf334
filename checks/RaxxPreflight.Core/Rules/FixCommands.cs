namespace RaxxPreflight.Rules;

/// <summary>
/// The commands a failure tells the operator to run, each built in one place: placeholders (<c>&lt;...&gt;</c>) where a
/// value would go, never a value. The checklist itself runs none of them.
/// </summary>
public static class FixCommands
{
    /// <summary>The app's dynos and their states.</summary>
    public static string Ps(string app) => $"heroku ps --app {app}";

    /// <summary>The app's log, followed.</summary>
    public static string TailLogs(string app) => $"heroku logs --tail --app {app}";

    /// <summary>The log of one process type's dynos, followed.</summary>
    public static string TailLogs(string app, string processType) => $"heroku logs --tail --app {app} --dyno {processType}";

    /// <summary>The last 200 lines of the app's log (of one process type, when given).</summary>
    public static string RecentLogs(string app, string? processType = null) =>
        processType is null ? $"heroku logs --app {app} -n 200" : $"heroku logs --app {app} -p {processType} -n 200";

    /// <summary>Restarts one process type's dynos.</summary>
    public static string Restart(string app, string processType) => $"heroku ps:restart {processType} --app {app}";

    /// <summary>The app's releases.</summary>
    public static string Releases(string app) => $"heroku releases --app {app}";

    /// <summary>What a failed release printed.</summary>
    public static string ReleaseOutput(string app) => $"if the release failed: heroku releases:output <version> --app {app}";

    /// <summary>The release phase's output (did the migrations run?).</summary>
    public static string MigrationsRan(string app) =>
        $"check that the release phase runs the migrations: heroku releases:output --app {app}";

    /// <summary>Runs the release phase's migrations by hand (a container release does not run heroku.yml's release phase).</summary>
    public static string RunMigrations(string app) =>
        $"run the migrations the release phase names (heroku.yml's release or the Procfile's release:) by hand: heroku run --app {app} -- <that command>";

    /// <summary>Back to the previous release (an operator's decision).</summary>
    public static string Rollback(string app) => $"to go back: heroku rollback --app {app}";

    /// <summary>The releases, and how an operator rolls back a bad one.</summary>
    public static string ReleasesThenRollback(string app) =>
        $"heroku releases --app {app} (if the release is bad, an operator may roll back: heroku releases:rollback --app {app}; the checklist never does)";

    /// <summary>Sets a config var to a value of <paramref name="placeholder"/>'s shape.</summary>
    public static string ConfigSet(string app, string name, string placeholder) => $"heroku config:set {name}={placeholder} --app {app}";

    /// <summary>Installs an extension in the app's database.</summary>
    public static string CreateExtension(string app, string extension) =>
        $"heroku pg:psql --app {app} -c 'CREATE EXTENSION IF NOT EXISTS \"{extension}\";'";

    /// <summary>Upgrades prod's Postgres to staging's major version (or staging first).</summary>
    public static string PgUpgrade(string prodApp, string stagingApp) =>
        $"heroku pg:upgrade --app {prodApp} (or upgrade staging first: heroku pg:upgrade --app {stagingApp})";

    /// <summary>
    /// Dispatches the deploy workflow to promote staging's build to prod, through its gate: the target and confirm
    /// inputs where the config names them.
    /// </summary>
    public static string Promote(string workflowFile, string repository, string branch, Configuration.GateConfig gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var inputs = string.Empty;
        if (gate.TargetInput is { } input && gate.TargetValue is { } target)
        {
            inputs += $" -f {input}={target}";
        }
        else if (!gate.HasPhrase)
        {
            // The config describes no gate: which inputs pick prod is the workflow's to say.
            inputs += " -f <input>=<value> (each input of the workflow that picks prod)";
        }

        if (gate.HasPhrase)
        {
            inputs += $" -f {gate.ConfirmInput}={gate.ConfirmPhrase}";
        }

        return $"to promote staging's build: gh workflow run {workflowFile} --repo {repository} --ref {branch}{inputs}";
    }
}
