using System.Text.Json;
using RaxxPreflight.Declarations;

namespace RaxxPreflight.Configuration;

/// <summary>Reads <c>preflight.json</c>; any mistake is one line naming the file and the field.</summary>
public static class PreflightConfigLoader
{
    /// <summary>The default file's name, copied beside the checks' assembly from <c>.config/</c>.</summary>
    public const string DefaultFileName = "preflight.json";

    /// <summary>Loads the file at <paramref name="path"/>; its waivers may name the items of <paramref name="checklist"/>.</summary>
    /// <exception cref="PreflightConfigException">The file is missing, not JSON, or a field is wrong.</exception>
    public static PreflightConfig Load(string path, ChecklistCatalog checklist)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new PreflightConfigException($"config {path}: cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PreflightConfigException($"config {path}: cannot be read ({e.Message})", e);
        }

        return Parse(text, path, checklist);
    }

    /// <summary>
    /// Parses the JSON <paramref name="json"/>; <paramref name="source"/> names it in messages; its waivers may name the
    /// items of <paramref name="checklist"/> that can be waived.
    /// </summary>
    /// <exception cref="PreflightConfigException">The text is not JSON, or a field is wrong.</exception>
    public static PreflightConfig Parse(string json, string source, ChecklistCatalog checklist)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(checklist);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(
                json,
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }
            );
        }
        catch (JsonException e)
        {
            throw new PreflightConfigException($"config {source}: not valid JSON at line {e.LineNumber + 1}: {FirstLine(e.Message)}", e);
        }

        using (document)
        {
            var root = new ConfigNode(document.RootElement, string.Empty, source);
            var environments = root.Object("environments");
            var github = root.Object("github");
            var gate = github.Object("gate");
            var health = root.Object("health");
            var vars = root.Object("configVars");
            var stripe = root.Object("stripe");

            var repository = github.String("repository");
            var slash = repository.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0 || slash == repository.Length - 1 || repository.IndexOf('/', slash + 1) >= 0)
            {
                throw github.Error("repository", $"must be \"owner/name\", found \"{repository}\"");
            }

            var config = new PreflightConfig(
                Environment(environments.Object("staging"), "staging"),
                Environment(environments.Object("prod"), "prod"),
                new GitHubConfig(
                    repository[..slash],
                    repository[(slash + 1)..],
                    github.String("workflow"),
                    github.String("branch"),
                    github.String("environment"),
                    new GateConfig(
                        gate.OptionalString("deployJob"),
                        gate.OptionalString("targetInput"),
                        gate.OptionalString("targetValue"),
                        gate.String("confirmInput"),
                        gate.String("confirmPhrase")
                    )
                ),
                new HealthConfig(
                    health.String("path"),
                    health.String("service"),
                    TimeSpan.FromSeconds(health.PositiveNumber("timeoutSeconds"))
                ),
                new ConfigVarRules(vars.Names("required"), vars.Names("mayBeEqual"), vars.Names("mustDiffer"), vars.Kinds("kinds")),
                new StripeVarNames(
                    stripe.VarName("secretKey"),
                    stripe.VarName("publishableKey"),
                    stripe.VarName("restrictedKey"),
                    stripe.VarName("webhookSecret")
                ),
                root.Object("sentry").VarName("dsnVar"),
                root.Object("postgres").String("addonService"),
                PostDeploy(root.Object("postDeploy")),
                Database(root.Object("database"))
            )
            {
                ApiTimeout = root.OptionalObject("api") is { } api
                    ? TimeSpan.FromSeconds(api.PositiveNumber("timeoutSeconds"))
                    : PreflightConfig.DefaultApiTimeout,
                Waivers = [.. root.OptionalObjects("waivers").Select(w => Waiver(w, checklist))],
            };

            var both = config.ConfigVars.MayBeEqual.Intersect(config.ConfigVars.MustDiffer, StringComparer.Ordinal).ToList();
            if (both.Count > 0)
            {
                throw vars.Error("mustDiffer", $"names {string.Join(", ", both)}, which mayBeEqual names too; keep each in one list");
            }

            if (!config.Health.Path.StartsWith('/'))
            {
                throw health.Error("path", $"must start with '/', found \"{config.Health.Path}\"");
            }

            // A key the loader does not know is a mistake, never a silent default: "$schema" is for editors.
            root.RejectUnknown("$schema");
            return config;
        }
    }

    // A waiver names a check of this checklist and a finding's subject (a name, never a secret), and says why, who and until when.
    private static Waiver Waiver(ConfigNode node, ChecklistCatalog checklist)
    {
        var check = node.String("check");
        if (checklist.Find(check) is { Waivable: false } fixedItem)
        {
            throw node.Error("check", $"names {fixedItem.Id}, whose findings no waiver may accept");
        }

        if (checklist.Find(check) is null)
        {
            var ids = checklist.Items.Select(c => c.Id).Order(StringComparer.Ordinal).ToList();
            var meant = ids.FirstOrDefault(id =>
                id.Contains(check, StringComparison.OrdinalIgnoreCase) || check.Contains(id, StringComparison.OrdinalIgnoreCase)
            );
            throw node.Error(
                "check",
                $"is not a check of this checklist: \"{check}\"{(meant is null ? string.Empty : $" (did you mean '{meant}'?)")}; the checks are {string.Join(", ", ids)}"
            );
        }

        var subject = node.String("subject");
        if (
            !string.Equals(Secrets.SecretPatterns.Mask(subject), subject, StringComparison.Ordinal)
            || System.Text.RegularExpressions.Regex.IsMatch(
                subject,
                "[A-Za-z0-9+/=]{32,}",
                System.Text.RegularExpressions.RegexOptions.None,
                TimeSpan.FromSeconds(1)
            )
        )
        {
            throw node.Error(
                "subject",
                "looks like a secret: a waiver names what a finding is about (a config var's name, an extension, a job), never a value"
            );
        }

        return new Waiver(check, subject, node.String("reason"), node.String("owner"), node.Date("expires"));
    }

    private static DatabaseConfig Database(ConfigNode node) =>
        new(TimeSpan.FromSeconds(node.PositiveNumber("connectTimeoutSeconds")), node.Identifiers("allowedMissingExtensions"));

    private static PostDeployConfig PostDeploy(ConfigNode node)
    {
        var formation = node.Object("formation");
        return new PostDeployConfig(
            TimeSpan.FromSeconds(node.PositiveNumber("settleTimeoutSeconds")),
            TimeSpan.FromSeconds(node.PositiveNumber("pollIntervalSeconds")),
            formation.String("type"),
            (int)formation.PositiveNumber("quantity"),
            formation.OptionalString("size"),
            (int)node.PositiveNumber("logLines")
        )
        {
            Logs = node.OptionalObject("logs") is { } logs
                ? new Rules.Logs.LogPatterns(logs.OptionalPatterns("failOn"), logs.OptionalPatterns("ignore"))
                : Rules.Logs.LogPatterns.None,
        };
    }

    private static StageConfig Environment(ConfigNode node, string name) =>
        new(name, node.AppName("app"), node.OptionalHttpUrl("healthUrl"));

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
