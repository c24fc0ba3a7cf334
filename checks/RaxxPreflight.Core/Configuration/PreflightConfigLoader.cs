using System.Text.Json;
using System.Text.Json.Nodes;
using RaxxPreflight.Declarations;

namespace RaxxPreflight.Configuration;

/// <summary>Reads <c>preflight.json</c>; any mistake is one line naming the file and the field.</summary>
public static partial class PreflightConfigLoader
{
    /// <summary>The default file's name, copied beside the checks' assembly from <c>.config/</c>.</summary>
    public const string DefaultFileName = "preflight.json";

    /// <summary>Loads the file at <paramref name="path"/>; its waivers may name the items of <paramref name="checklist"/>.</summary>
    /// <exception cref="PreflightConfigException">The file is missing, not JSON, or a field is wrong.</exception>
    public static PreflightConfig Load(string path, ChecklistCatalog checklist)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(Read(path), path, checklist);
    }

    /// <summary>Loads the deploy description at <paramref name="path"/>: its services, each with what is left to find.</summary>
    /// <exception cref="PreflightConfigException">The file is missing or not JSON, or a field outside every service is wrong.</exception>
    public static DeployDescription LoadDescription(string path, ChecklistCatalog checklist)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseDescription(Read(path), path, checklist);
    }

    /// <summary>
    /// Parses a config that describes one service whole (the queue's first file); <paramref name="source"/> names it in
    /// messages; its waivers may name the items of <paramref name="checklist"/> that can be waived.
    /// </summary>
    /// <exception cref="PreflightConfigException">The text is not JSON, a field is wrong, or it describes services to find.</exception>
    public static PreflightConfig Parse(string json, string source, ChecklistCatalog checklist)
    {
        var description = ParseDescription(json, source, checklist);
        return description.Services switch
        {
            [{ Error: { } error }] => throw new PreflightConfigException(error),
            [{ ToFind: Discover.None } only] => only.Config,
            _ => throw new PreflightConfigException(
                $"config {source}: describes {description.Services.Count} service(s) whose apps or rules are found at run time, not one service whole"
            ),
        };
    }

    /// <summary>
    /// Parses a deploy description: a <c>services</c> map (each service a few lines, the rest found at run time and
    /// overridable per service or in <c>defaults</c>), or a file that describes one service whole. A mistake in one
    /// service is that service's <see cref="ServiceSpec.Error"/>: the others are still checked.
    /// </summary>
    /// <exception cref="PreflightConfigException">The text is not JSON, or a field outside every service is wrong.</exception>
    public static DeployDescription ParseDescription(string json, string source, ChecklistCatalog checklist)
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
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new PreflightConfigException($"config {source}: must be a JSON object");
            }

            if (!document.RootElement.TryGetProperty("services", out _))
            {
                var root = new ConfigNode(document.RootElement, string.Empty, source);

                // "servces": a services map misspelled, not a one-service file missing its every field.
                if (root.Misspelling("services") is { } typo)
                {
                    throw root.Error(typo, "is not a known field (did you mean 'services'?)");
                }
                var config = Service(root, discovering: false, out _);
                var api = Api(root);
                config = config with
                {
                    Service = root.OptionalString("name") ?? config.Health.Service ?? DefaultServiceName(config.Prod.App),
                    ApiTimeout = api.Timeout,
                    HerokuRateFloor = api.RateFloor,
                    Waivers = [.. root.OptionalObjects("waivers").Select(w => Waiver(w, checklist))],
                };

                // A key the loader does not know is a mistake, never a silent default: "$schema" is for editors.
                root.RejectUnknown("$schema");
                return new DeployDescription([new ServiceSpec(config.Service, config, Discover.None)]);
            }

            return Services(document.RootElement, source, checklist);
        }
    }

    // The services form: top-level github (repository; branch and environment shared), defaults, services, api, waivers.
    private static DeployDescription Services(JsonElement element, string source, ChecklistCatalog checklist)
    {
        var root = new ConfigNode(element, string.Empty, source);
        var github = root.Object("github");
        var repository = github.String("repository");
        _ = github.OptionalString("branch");
        _ = github.OptionalString("environment");
        _ = github.OptionalString("workflow");
        var defaults = root.OptionalObject("defaults");
        var services = root.Object("services");
        var (apiTimeout, rateFloor) = Api(root);
        var waivers = root.OptionalObjects("waivers").Select(w => Waiver(w, checklist)).ToList();
        services.AcceptAll();
        defaults?.AcceptAll();
        root.RejectUnknown("$schema");
        _ = repository;

        var shared = JsonNode.Parse(element.GetRawText())!.AsObject();
        var specs = new List<ServiceSpec>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.GetProperty("services").EnumerateObject())
        {
            var name = property.Name;
            var path = $"services.{name}";
            if (!ServiceNamePattern().IsMatch(name))
            {
                specs.Add(
                    Broken(
                        name,
                        $"config {source}: field {path} is not a service name (lower-case letters, digits and '-', as Heroku names apps)"
                    )
                );
                continue;
            }

            if (!seen.Add(name))
            {
                specs.RemoveAll(s => s.Name == name);
                specs.Add(Broken(name, $"config {source}: field {path} is given twice; keep one"));
                continue;
            }

            if (property.Value.ValueKind != JsonValueKind.Object)
            {
                specs.Add(
                    Broken(
                        name,
                        $"config {source}: field {path} must be an object, found {(property.Value.ValueKind is JsonValueKind.Array ? "an array" : property.Value.GetRawText())}"
                    )
                );
                continue;
            }

            try
            {
                var effective = Effective(shared, JsonNode.Parse(property.Value.GetRawText())!.AsObject());
                using var merged = JsonDocument.Parse(effective.ToJsonString());
                var node = new ConfigNode(merged.RootElement, path, source);
                var config = Service(node, discovering: true, out var toFind) with
                {
                    Service = name,
                    ApiTimeout = apiTimeout,
                    HerokuRateFloor = rateFloor,
                    Waivers = waivers,
                };
                node.RejectUnknown();
                specs.Add(new ServiceSpec(name, config, toFind));
            }
            catch (PreflightConfigException e)
            {
                specs.Add(Broken(name, e.Message));
            }
        }

        if (specs.Count == 0)
        {
            throw new PreflightConfigException($"config {source}: field services names no service");
        }

        return new DeployDescription(specs);
    }

    // What one service's fields are once the shared ones are under them: built-in defaults, then the file's top-level
    // github, then its defaults, then the service's own (a service's short fields moved to where the whole form has them).
    private static JsonObject Effective(JsonObject file, JsonObject service)
    {
        var effective = new JsonObject
        {
            ["github"] = new JsonObject { ["branch"] = "main", ["environment"] = "production" },
            ["health"] = new JsonObject { ["path"] = "/health", ["timeoutSeconds"] = 10 },
            ["postgres"] = new JsonObject { ["addonService"] = "heroku-postgresql" },
            ["postDeploy"] = new JsonObject
            {
                ["settleTimeoutSeconds"] = 120,
                ["pollIntervalSeconds"] = 5,
                ["formation"] = new JsonObject { ["type"] = "web", ["quantity"] = 1 },
                ["logLines"] = 1500,
            },
            ["database"] = new JsonObject { ["connectTimeoutSeconds"] = 10, ["allowedMissingExtensions"] = new JsonArray() },
        };
        Merge(effective, new JsonObject { ["github"] = file["github"]?.DeepClone() });
        if (file["defaults"] is JsonObject defaults)
        {
            Merge(effective, Expanded(defaults));
        }

        Merge(effective, Expanded(service));
        return effective;
    }

    // A service's short fields where the whole form has them: workflow, branch, environment and gate under github;
    // apps.staging/apps.prod as environments.*.app.
    private static JsonObject Expanded(JsonObject service)
    {
        var expanded = new JsonObject();
        var github = new JsonObject();
        foreach (var (key, value) in service)
        {
            switch (key)
            {
                case "workflow" or "branch" or "environment" or "gate":
                    github[key] = value?.DeepClone();
                    break;
                case "apps" when value is JsonObject apps:
                    var environments = new JsonObject();
                    foreach (var (stage, app) in apps)
                    {
                        environments[stage] = app is JsonObject whole ? whole.DeepClone() : new JsonObject { ["app"] = app?.DeepClone() };
                    }

                    expanded["environments"] = environments;
                    break;
                default:
                    expanded[key] = value?.DeepClone();
                    break;
            }
        }

        if (github.Count > 0)
        {
            Merge(expanded, new JsonObject { ["github"] = github });
        }

        return expanded;
    }

    // Objects merge field by field; anything else (a string, a list) replaces what was there.
    private static void Merge(JsonObject into, JsonObject from)
    {
        foreach (var (key, value) in from)
        {
            if (value is JsonObject child && into[key] is JsonObject existing)
            {
                Merge(existing, child);
            }
            else
            {
                into[key] = value?.DeepClone();
            }
        }
    }

    private static ServiceSpec Broken(string name, string error) => new(name, Placeholder with { Service = name }, Discover.None, error);

    // What stands for a service whose description is wrong: never read, since none of its items is checked.
    private static readonly PreflightConfig Placeholder = new(
        new StageConfig("staging", string.Empty, null),
        new StageConfig("prod", string.Empty, null),
        new GitHubConfig(string.Empty, string.Empty, string.Empty, "main", "production", GateConfig.ReviewerOnly),
        new HealthConfig("/health", null, TimeSpan.FromSeconds(10)),
        new ConfigVarRules([], [], [], new Dictionary<string, VarKind>()),
        StripeVarNames.Default,
        SentryDefaultVar,
        "heroku-postgresql",
        new PostDeployConfig(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(5), "web", 1, null, 1500),
        new DatabaseConfig(TimeSpan.FromSeconds(10), [])
    );

    /// <summary>The Sentry DSN var a service is checked for when staging sets no <c>SENTRY_DSN*</c> var.</summary>
    public const string SentryDefaultVar = "SENTRY_DSN";

    private static string DefaultServiceName(string prodApp) =>
        prodApp.EndsWith("-prod", StringComparison.Ordinal) ? prodApp[..^"-prod".Length] : prodApp;

    // api.timeoutSeconds (30) and api.herokuRateFloor (200), read from one node so that each field is known there.
    private static (TimeSpan Timeout, int RateFloor) Api(ConfigNode root) =>
        root.OptionalObject("api") is { } api
            ? (
                api.Has("timeoutSeconds") ? TimeSpan.FromSeconds(api.PositiveNumber("timeoutSeconds")) : PreflightConfig.DefaultApiTimeout,
                api.Has("herokuRateFloor") ? (int)api.PositiveNumber("herokuRateFloor") : Heroku.HerokuClient.DefaultRateFloor
            )
            : (PreflightConfig.DefaultApiTimeout, Heroku.HerokuClient.DefaultRateFloor);

    // One service's fields. Discovering (the services form), what the APIs can tell may be left out: the apps (with a
    // pipeline), the config var rules, the Stripe and Sentry vars, the gate's phrase; toFind says which were.
    private static PreflightConfig Service(ConfigNode root, bool discovering, out Discover toFind)
    {
        toFind = Discover.None;
        var github = root.Object("github");
        var health = root.Object("health");
        var repository = github.String("repository");
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == repository.Length - 1 || repository.IndexOf('/', slash + 1) >= 0)
        {
            throw github.Error("repository", $"must be \"owner/name\", found \"{repository}\"");
        }

        var pipeline = discovering ? root.OptionalString("pipeline") : null;
        StageConfig staging,
            prod;
        if (!discovering)
        {
            var environments = root.Object("environments");
            staging = Environment(environments.Object("staging"), "staging");
            prod = Environment(environments.Object("prod"), "prod");
        }
        else
        {
            // Either app may be named (apps.staging, apps.prod); the pipeline gives the one that is not.
            var environments = root.OptionalObject("environments");
            staging = environments?.OptionalObject("staging") is { } s
                ? Environment(s, "staging")
                : new StageConfig("staging", string.Empty, null);
            prod = environments?.OptionalObject("prod") is { } p ? Environment(p, "prod") : new StageConfig("prod", string.Empty, null);
            if (staging.App.Length == 0 || prod.App.Length == 0)
            {
                if (pipeline is null)
                {
                    throw root.Error(
                        "pipeline",
                        "is missing: name the service's Heroku pipeline, or both its apps (apps.staging and apps.prod)"
                    );
                }

                toFind |= Discover.Apps;
            }
        }

        var gate = discovering ? github.OptionalObject("gate") : github.Object("gate");
        var vars = discovering ? root.OptionalObject("configVars") : root.Object("configVars");
        ConfigVarRules rules;
        if (vars is null)
        {
            rules = new ConfigVarRules([], [], [], new Dictionary<string, VarKind>());
            toFind |= Discover.RequiredVars | Discover.Kinds | Discover.Differ;
        }
        else if (!discovering)
        {
            rules = new ConfigVarRules(vars.Names("required"), vars.Names("mayBeEqual"), vars.Names("mustDiffer"), vars.Kinds("kinds"));
        }
        else
        {
            var required = vars.OptionalNames("required");
            var mayBeEqual = vars.OptionalNames("mayBeEqual");
            var mustDiffer = vars.OptionalNames("mustDiffer");
            toFind |=
                (required is null ? Discover.RequiredVars : 0)
                | Discover.Kinds
                | (mayBeEqual is null && mustDiffer is null ? Discover.Differ : 0);
            rules = new ConfigVarRules(
                required ?? [],
                mayBeEqual ?? [],
                mustDiffer ?? [],
                vars.Has("kinds") ? vars.Kinds("kinds") : new Dictionary<string, VarKind>()
            );
        }

        var stripe = discovering ? root.OptionalObject("stripe") : root.Object("stripe");
        var sentry = discovering ? root.OptionalObject("sentry") : root.Object("sentry");
        toFind |= (stripe is null ? Discover.Stripe : 0) | (sentry is null ? Discover.Sentry : 0);

        var config = new PreflightConfig(
            staging,
            prod,
            new GitHubConfig(
                repository[..slash],
                repository[(slash + 1)..],
                github.String("workflow"),
                github.String("branch"),
                github.String("environment"),
                gate is null
                    ? GateConfig.ReviewerOnly
                    : new GateConfig(
                        gate.OptionalString("deployJob"),
                        gate.OptionalString("targetInput"),
                        gate.OptionalString("targetValue"),
                        gate.String("confirmInput"),
                        gate.String("confirmPhrase")
                    )
            ),
            new HealthConfig(
                health.String("path"),
                health.OptionalString("service"),
                TimeSpan.FromSeconds(health.PositiveNumber("timeoutSeconds"))
            )
            {
                Status = health.OptionalString("status"),
                Headers = health.Has("headers") ? health.Headers("headers") : [],
            },
            rules,
            stripe is null
                ? StripeVarNames.Default
                : new StripeVarNames(
                    stripe.VarName("secretKey"),
                    stripe.VarName("publishableKey"),
                    stripe.VarName("restrictedKey"),
                    stripe.VarName("webhookSecret")
                ),
            sentry?.VarName("dsnVar") ?? SentryDefaultVar,
            root.Object("postgres").String("addonService"),
            PostDeploy(root.Object("postDeploy")),
            Database(root.Object("database"))
        )
        {
            Pipeline = pipeline,
        };

        var both = config.ConfigVars.MayBeEqual.Intersect(config.ConfigVars.MustDiffer, StringComparer.Ordinal).ToList();
        if (both.Count > 0)
        {
            throw (vars ?? root).Error("mustDiffer", $"names {string.Join(", ", both)}, which mayBeEqual names too; keep each in one list");
        }

        if (!config.Health.Path.StartsWith('/'))
        {
            throw health.Error("path", $"must start with '/', found \"{config.Health.Path}\"");
        }

        return config;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]{0,49}$")]
    private static partial System.Text.RegularExpressions.Regex ServiceNamePattern();

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new PreflightConfigException($"config {path}: cannot be read ({e.Message})", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PreflightConfigException($"config {path}: cannot be read ({e.Message})", e);
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
