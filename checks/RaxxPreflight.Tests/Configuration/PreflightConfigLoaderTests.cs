using System.Text.Json.Nodes;
using RaxxPreflight.Configuration;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Configuration;

public class PreflightConfigLoaderTests
{
    [Fact]
    public void The_default_config_describes_the_seed_deploy()
    {
        var config = PreflightConfigLoader.Load(Repo.DefaultConfig, Items.Catalog);

        config.Staging.App.ShouldBe("raxx-queue-staging");
        config.Prod.App.ShouldBe("raxx-queue-prod");
        config.GitHub.Slug.ShouldBe("raxx-app/TradeMasterAPI");
        config.GitHub.WorkflowFile.ShouldBe("deploy-queue.yml");
        config.GitHub.Environment.ShouldBe("production");
        config.GitHub.Gate.ConfirmPhrase.ShouldBe("deploy-prod-now");
        config.Health.Path.ShouldBe("/health");
        config.Health.Service.ShouldBe("raxx-queue");
        config.ConfigVars.Required.Count.ShouldBe(11);
        config.ConfigVars.Kinds["QUEUE_SERVICE_TOKEN_RAPTOR"].ShouldBe(VarKind.Hex64Token);
        config.ConfigVars.MustDiffer.ShouldContain("STRIPE_API_KEY");
        config.ConfigVars.MustDiffer.ShouldContain("RAPTOR_BASE_URL");
    }

    [Theory]
    [InlineData("github.repository", "\"raxx\"", "field github.repository must be \"owner/name\", found \"raxx\"")]
    [InlineData("health.timeoutSeconds", "-1", "field health.timeoutSeconds must be a positive number, found -1")]
    [InlineData("health.path", "\"health\"", "field health.path must start with '/'")]
    [InlineData("environments.prod.app", "null", "field environments.prod.app is missing")]
    [InlineData("environments.prod.healthUrl", "\"ftp://x\"", "field environments.prod.healthUrl must be an absolute http(s) URL or null")]
    [InlineData("configVars.kinds.DATABASE_URL", "\"postgres\"", "field configVars.kinds.DATABASE_URL must be one of text, hex64-token")]
    [InlineData("configVars.required", "[\"database_url\"]", "field configVars.required[0] must be a config var name")]
    [InlineData("stripe.secretKey", "42", "field stripe.secretKey must be a non-empty string, found 42")]
    [InlineData("postDeploy.logs", "{\"failOn\": [\"(unclosed\"]}", "field postDeploy.logs.failOn[0] is not a regular expression (")]
    [InlineData(
        "environments.prod.healthURL",
        "\"https://x.example\"",
        "field environments.prod.healthURL is not a known field (did you mean 'healthUrl'?); the fields here are app, healthUrl"
    )]
    [InlineData(
        "postDeploy.formation.Size",
        "\"Standard-1X\"",
        "field postDeploy.formation.Size is not a known field (did you mean 'size'?)"
    )]
    [InlineData("stray", "true", "field stray is not a known field; the fields here are api, configVars, database, environments, github,")]
    [InlineData(
        "environments.prod.app",
        "\"Raxx_Queue\"",
        "field environments.prod.app must be a Heroku app name (3 to 30 lower-case letters, digits and dashes, starting with a letter), found \"Raxx_Queue\""
    )]
    [InlineData("postDeploy.logs", "{\"ignore\": \"known flaky\"}", "field postDeploy.logs.ignore must be an array of regular expressions")]
    [InlineData("api", "{\"timeoutSeconds\": 0}", "field api.timeoutSeconds must be a positive number, found 0")]
    [InlineData("api", "{\"timeoutSeconds\": 5, \"timeout\": 5}", "field api.timeout is not a known field")]
    public void A_wrong_field_fails_with_one_line_naming_it(string field, string json, string expected)
    {
        var text = WithField(field, json);

        var error = Should.Throw<PreflightConfigException>(() => PreflightConfigLoader.Parse(text, "test.json", Items.Catalog));

        error.Message.ShouldStartWith("config test.json: ");
        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("\n");
    }

    private const string AWaiver =
        "{\"check\": \"sentry-dsn-per-environment\", \"subject\": \"SENTRY_DSN_QUEUE\", \"reason\": \"one project until the split\", \"owner\": \"ops@raxx.example\", \"expires\": \"2027-01-31\"}";

    [Fact]
    public void Waivers_are_read_with_their_item_subject_reason_owner_and_last_day()
    {
        var config = PreflightConfigLoader.Parse(WithField("waivers", $"[{AWaiver}]"), "test.json", Items.Catalog);

        config.Waivers.ShouldBe([
            new Waiver(
                CheckIds.SentryDsnPerEnvironment,
                "SENTRY_DSN_QUEUE",
                "one project until the split",
                "ops@raxx.example",
                new DateOnly(2027, 1, 31)
            ),
        ]);
        PreflightConfigLoader.Load(Repo.DefaultConfig, Items.Catalog).Waivers.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(
        "\"check\": \"sentry-dsn-per-environment\"",
        "\"check\": \"sentry-dsn\"",
        "field waivers[0].check is not a check of this checklist: \"sentry-dsn\" (did you mean 'sentry-dsn-per-environment'?); the checks are deploy-gate-configured, "
    )]
    [InlineData(
        "\"expires\": \"2027-01-31\"",
        "\"expires\": \"31/01/2027\"",
        "field waivers[0].expires must be a date written yyyy-MM-dd, found \"31/01/2027\""
    )]
    [InlineData("\"owner\": \"ops@raxx.example\"", "\"owner\": \"\"", "field waivers[0].owner must be a non-empty string")]
    [InlineData(
        "\"subject\": \"SENTRY_DSN_QUEUE\"",
        "\"subject\": \"sk_live_51HdBq2AbCdEfGhIjKlMnOpQr\"",
        "field waivers[0].subject looks like a secret: a waiver names what a finding is about"
    )]
    [InlineData(
        "\"subject\": \"SENTRY_DSN_QUEUE\"",
        "\"subject\": \"7f3c9a2b8e1d4c6f9a0b3e5d7c2a4f6e8b1d3c5a7e9f2b4d6c8a0e1f3b5d7c9a\"",
        "field waivers[0].subject looks like a secret"
    )]
    [InlineData(
        "\"reason\": \"one project until the split\"",
        "\"reason\": \"x\", \"because\": \"y\"",
        "field waivers[0].because is not a known field"
    )]
    public void A_wrong_waiver_fails_with_one_line_naming_it(string replace, string with, string expected)
    {
        var text = WithField("waivers", $"[{AWaiver.Replace(replace, with, StringComparison.Ordinal)}]");

        var error = Should.Throw<PreflightConfigException>(() => PreflightConfigLoader.Parse(text, "test.json", Items.Catalog));

        error.Message.ShouldContain(expected);
        error.Message.ShouldNotContain("\n");
        error.Message.ShouldNotContain("sk_live_51HdBq2AbCdEfGhIjKlMnOpQr");
    }

    [Fact]
    public void The_schema_holds_no_copy_of_the_item_ids_and_the_loader_knows_them_from_the_declarations()
    {
        var schema = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(Repo.Root, ".config", "preflight.schema.json")))!;
        var check = schema["$defs"]!["whole"]!["properties"]!["waivers"]!["items"]!["properties"]!["check"]!;

        // Adding an item touches no schema: the schema asks for an id's shape, the loader for an item that declares it.
        check["enum"].ShouldBeNull();
        ((string)check["pattern"]!).ShouldBe("^[a-z0-9]+(-[a-z0-9]+)*$");
        foreach (var id in Items.Catalog.WaivableIds)
        {
            Should.NotThrow(() => PreflightConfigLoader.Parse(WithWaiverOf(id), "test.json", Items.Catalog), id);
        }
    }

    [Fact]
    public void The_api_timeout_is_30_s_unless_the_config_bounds_it()
    {
        PreflightConfigLoader.Load(Repo.DefaultConfig, Items.Catalog).ApiTimeout.ShouldBe(TimeSpan.FromSeconds(30));
        PreflightConfigLoader
            .Parse(WithField("api", "{\"timeoutSeconds\": 4.5}"), "test.json", Items.Catalog)
            .ApiTimeout.ShouldBe(TimeSpan.FromSeconds(4.5));
    }

    [Fact]
    public void A_var_in_both_may_be_equal_and_must_differ_is_refused()
    {
        var text = WithField("configVars.mayBeEqual", "[\"STRIPE_API_KEY\"]");

        var error = Should.Throw<PreflightConfigException>(() => PreflightConfigLoader.Parse(text, "test.json", Items.Catalog));

        error.Message.ShouldContain("configVars.mustDiffer names STRIPE_API_KEY, which mayBeEqual names too");
    }

    [Fact]
    public void Text_that_is_not_json_fails_with_its_line()
    {
        var error = Should.Throw<PreflightConfigException>(() =>
            PreflightConfigLoader.Parse("{\n  \"environments\": {,\n}", "broken.json", Items.Catalog)
        );

        error.Message.ShouldStartWith("config broken.json: not valid JSON at line 2");
        error.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void A_missing_file_fails_naming_the_path()
    {
        var error = Should.Throw<PreflightConfigException>(() => PreflightConfigLoader.Load("/nonexistent/preflight.json", Items.Catalog));

        error.Message.ShouldStartWith("config /nonexistent/preflight.json: cannot be read");
    }

    [Fact]
    public void A_configured_health_url_is_kept()
    {
        var config = PreflightConfigLoader.Parse(
            WithField("environments.staging.healthUrl", "\"https://queue.staging.raxx.app/healthz\""),
            "t",
            Items.Catalog
        );

        config.Staging.HealthUrl.ShouldBe(new Uri("https://queue.staging.raxx.app/healthz"));
        config.Prod.HealthUrl.ShouldBeNull();
    }

    [Fact]
    public void A_services_own_log_patterns_are_read_and_none_is_the_default()
    {
        PreflightConfigLoader.Load(Repo.DefaultConfig, Items.Catalog).PostDeploy.Logs.FailOn.ShouldBeEmpty();

        var config = PreflightConfigLoader.Parse(
            WithField("postDeploy.logs", "{\"failOn\": [\"^QUEUE-PANIC \"], \"ignore\": [\"known flaky upstream\"]}"),
            "t",
            Items.Catalog
        );

        config.PostDeploy.Logs.FailOn.Select(p => p.ToString()).ShouldBe(["^QUEUE-PANIC "]);
        config.PostDeploy.Logs.Ignore.Select(p => p.ToString()).ShouldBe(["known flaky upstream"]);
    }

    [Theory]
    [InlineData("environments.prod.healthURL", "\"https://x.example\"")]
    [InlineData("postDeploy.formation.Size", "\"Standard-1X\"")]
    [InlineData("stray", "true")]
    [InlineData("environments.prod.app", "\"Raxx_Queue\"")]
    [InlineData("health.timeoutSeconds", "-1")]
    [InlineData(
        "waivers",
        "[{\"check\": \"No_Such_Check\", \"subject\": \"X\", \"reason\": \"r\", \"owner\": \"o\", \"expires\": \"2027-01-31\"}]"
    )]
    [InlineData("waivers", "[{\"check\": \"prod-healthy\", \"subject\": \"X\", \"reason\": \"r\", \"expires\": \"2027-01-31\"}]")]
    public void The_published_schema_refuses_what_the_loader_refuses(string field, string json)
    {
        var schema = Json.Schema.JsonSchema.FromFile(System.IO.Path.Combine(Repo.Root, ".config", "preflight.schema.json"));

        Evaluate(schema, File.ReadAllText(Repo.DefaultConfig)).ShouldBeTrue("the default config holds to its schema");
        Evaluate(schema, File.ReadAllText(System.IO.Path.Combine(Repo.Root, ".config", "fleet.json")))
            .ShouldBeTrue("the fleet's config (the services form) holds to the schema");
        Evaluate(schema, WithField("waivers", $"[{AWaiver}]")).ShouldBeTrue("a good waiver holds to the schema");
        Evaluate(schema, WithField(field, json)).ShouldBeFalse();
        Should.Throw<PreflightConfigException>(() => PreflightConfigLoader.Parse(WithField(field, json), "t", Items.Catalog));
    }

    [Fact]
    public void The_default_config_names_its_schema_for_editors()
    {
        var root = JsonNode.Parse(File.ReadAllText(Repo.DefaultConfig))!;

        ((string)root["$schema"]!).ShouldBe("./preflight.schema.json");
    }

    private static bool Evaluate(Json.Schema.JsonSchema schema, string json)
    {
        return schema.Evaluate(JsonNode.Parse(json)).IsValid;
    }

    /// <summary>The default config with one field replaced (or removed, for null).</summary>
    [Theory]
    [InlineData("health", "heatlh", "field health is missing (found 'heatlh': a misspelling of 'health'?)")]
    [InlineData("github.repository", "repositry", "field github.repository is missing (found 'repositry': a misspelling of 'repository'?)")]
    [InlineData("stripe", "Stripe", "field stripe is missing (found 'Stripe': a misspelling of 'stripe'?)")]
    [InlineData("configVars", "vars", "field configVars is missing; ")]
    public void A_misspelled_required_field_is_named_beside_the_one_missing(string path, string written, string expected)
    {
        var root = JsonNode.Parse(File.ReadAllText(Repo.DefaultConfig))!;
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => node[part]!).AsObject();
        var value = parent[parts[^1]]!.DeepClone();
        parent.Remove(parts[^1]);
        parent[written] = value;

        var error = Should.Throw<PreflightConfigException>(() =>
            PreflightConfigLoader.Parse(root.ToJsonString(), "test.json", Items.Catalog)
        );

        (error.Message + "; ").ShouldContain($"config test.json: {expected}");
    }

    private static string WithWaiverOf(string checkId) =>
        WithField("waivers", $"[{AWaiver.Replace("sentry-dsn-per-environment", checkId, StringComparison.Ordinal)}]");

    internal static string WithField(string path, string json)
    {
        var root = JsonNode.Parse(File.ReadAllText(Repo.DefaultConfig))!;
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => node[part]!);
        parent[parts[^1]] = JsonNode.Parse(json);
        return root.ToJsonString();
    }
}
