using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RaxxPreflight.Configuration;
using RaxxPreflight.Services;

namespace RaxxPreflight.Checks.Session;

/// <summary>
/// <c>run-preflight.sh describe [--fakes SCENARIO]</c>: what the checklist believes about each service (its apps from
/// the pipeline, the vars it requires and how, its Stripe and Sentry vars, its gate), found from the APIs as a run would
/// find them, printed as config an operator can review and paste into <c>services</c> (the comments say what was found,
/// and from what; the loader reads comments). <c>services [--json]</c> prints the services' names (as a JSON array, a CI
/// matrix's input).
/// </summary>
internal static class Describe
{
    /// <summary>The services verb: names, one per line, or a JSON array.</summary>
    public static int Services(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var settings = PreflightSettings.FromProcess();
            var description = PreflightConfigLoader.LoadDescription(
                settings.ConfigFile(AppContext.BaseDirectory),
                RaxxPreflight.Declarations.ChecklistCatalog.Current
            );
            output.WriteLine(
                args.Contains("--json") ? JsonSerializer.Serialize(description.Names) : string.Join(Environment.NewLine, description.Names)
            );
            return 0;
        }
        catch (PreflightConfigException e)
        {
            error.WriteLine($"run-preflight: {e.Message}");
            return 2;
        }
    }

    /// <summary>The describe verb: resolves every service against the target and prints it as config.</summary>
    public static async Task<int> RunAsync(string? scenario, TextWriter output, TextWriter error)
    {
        await using var started = await PreflightSession.StartAsync(scenario is null ? null : $"fakes:{scenario}", CancellationToken.None);
        if (started.Fleet is not { } fleet)
        {
            await error.WriteLineAsync($"run-preflight: {started.SetupError}");
            return 2;
        }

        var services = new JsonObject();
        var notes = new List<string>();
        var failed = false;
        foreach (var spec in fleet.Description.Services)
        {
            try
            {
                var resolved = await fleet.ResolvedAsync(spec.Name);
                services[spec.Name] = Service(resolved.Config);
                notes.AddRange(resolved.Found.Select(f => $"// {spec.Name}: {f.Field} = {f.Value} (found: {f.From})"));
            }
            catch (Exception e) when (e is PreflightConfigException or RaxxPreflight.Http.RemoteServiceException)
            {
                failed = true;
                notes.Add($"// {spec.Name}: could not be described: {fleet.Redactor.Scrub(e.Message)}");
            }
        }

        var first = fleet.Description.Services.FirstOrDefault(s => s.Error is null)?.Config;
        var file = new JsonObject
        {
            ["github"] = first is null ? new JsonObject() : new JsonObject { ["repository"] = first.GitHub.Slug },
            ["services"] = services,
        };
        var text = new StringBuilder();
        text.AppendLine("// What the checklist believes about each service; review it, and paste what you want to hold into the config.");
        foreach (var note in notes)
        {
            text.AppendLine(note);
        }

        text.AppendLine(file.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await output.WriteAsync(text.ToString());
        return failed ? 1 : 0;
    }

    // A service's config, every field the checklist uses, in the services form.
    private static JsonObject Service(PreflightConfig config)
    {
        var service = new JsonObject();
        if (config.Pipeline is { } pipeline)
        {
            service["pipeline"] = pipeline;
        }

        service["apps"] = new JsonObject { ["staging"] = config.Staging.App, ["prod"] = config.Prod.App };
        service["workflow"] = config.GitHub.WorkflowPath;
        service["branch"] = config.GitHub.Branch;
        service["environment"] = config.GitHub.Environment;
        if (config.GitHub.Gate.HasPhrase)
        {
            var gate = config.GitHub.Gate;
            service["gate"] = new JsonObject
            {
                ["deployJob"] = gate.DeployJob,
                ["targetInput"] = gate.TargetInput,
                ["targetValue"] = gate.TargetValue,
                ["confirmInput"] = gate.ConfirmInput,
                ["confirmPhrase"] = gate.ConfirmPhrase,
            };
        }

        var health = new JsonObject { ["path"] = config.Health.Path };
        if (config.Health.Service is { } name)
        {
            health["service"] = name;
        }

        if (config.Health.Status is { } word)
        {
            health["status"] = word;
        }

        if (config.Health.Headers.Count > 0)
        {
            // The variables' names, never their values.
            var headers = new JsonObject();
            foreach (var header in config.Health.Headers)
            {
                headers[header.Name] = header.Variable;
            }

            health["headers"] = headers;
        }

        health["timeoutSeconds"] = config.Health.Timeout.TotalSeconds;
        service["health"] = health;
        var vars = config.ConfigVars;
        service["configVars"] = new JsonObject
        {
            ["required"] = Names(vars.Required),
            ["mayBeEqual"] = Names(vars.MayBeEqual),
            ["mustDiffer"] = Names(vars.MustDiffer),
            ["kinds"] = new JsonObject(
                vars.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal)
                    .Select(k => KeyValuePair.Create(k.Key, (JsonNode?)VarKinds.NameOf(k.Value)))
            ),
        };
        if (config.Stripe.All.Count == 4)
        {
            service["stripe"] = new JsonObject
            {
                ["secretKey"] = config.Stripe.SecretKey,
                ["publishableKey"] = config.Stripe.PublishableKey,
                ["restrictedKey"] = config.Stripe.RestrictedKey,
                ["webhookSecret"] = config.Stripe.WebhookSecret,
            };
        }

        service["sentry"] = new JsonObject { ["dsnVar"] = config.SentryDsnVar };
        service["postDeploy"] = new JsonObject
        {
            ["formation"] = config.PostDeploy.Size is { } size
                ? new JsonObject
                {
                    ["type"] = config.PostDeploy.ProcessType,
                    ["quantity"] = config.PostDeploy.Quantity,
                    ["size"] = size,
                }
                : new JsonObject { ["type"] = config.PostDeploy.ProcessType, ["quantity"] = config.PostDeploy.Quantity },
            ["settleTimeoutSeconds"] = config.PostDeploy.SettleTimeout.TotalSeconds,
        };
        return service;
    }

    private static JsonArray Names(IEnumerable<string> names) => new([.. names.Select(n => (JsonNode?)n)]);
}
