using RaxxPreflight.Configuration;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Configuration;

/// <summary>The services form: a service in a few lines, defaults under it, a mistake in one service that one's alone.</summary>
public class DeployDescriptionTests
{
    private static DeployDescription Parse(string json) => PreflightConfigLoader.ParseDescription(json, "test.json", Items.Catalog);

    [Fact]
    public void A_service_is_a_few_lines_and_the_rest_is_left_to_find()
    {
        var description = Parse(
            """
            { "github": { "repository": "raxx-app/TradeMasterAPI" },
              "services": {
                "raxx-api":    { "pipeline": "raxx-api",    "workflow": ".github/workflows/deploy-heroku.yml" },
                "raxx-velvet": { "pipeline": "raxx-velvet", "workflow": ".github/workflows/deploy-velvet.yml",
                                 "health": { "path": "/healthz" } } } }
            """
        );

        description.Names.ShouldBe(["raxx-api", "raxx-velvet"]);
        var velvet = description.Find("raxx-velvet")!;
        velvet.Error.ShouldBeNull();
        velvet.ToFind.ShouldBe(
            Discover.Apps | Discover.RequiredVars | Discover.Kinds | Discover.Differ | Discover.Stripe | Discover.Sentry
        );
        velvet.Config.Pipeline.ShouldBe("raxx-velvet");
        velvet.Config.Health.Path.ShouldBe("/healthz");
        velvet.Config.Health.Service.ShouldBeNull();
        velvet.Config.GitHub.Slug.ShouldBe("raxx-app/TradeMasterAPI");
        (velvet.Config.GitHub.Branch, velvet.Config.GitHub.Environment).ShouldBe(("main", "production"));
        velvet.Config.GitHub.Gate.HasPhrase.ShouldBeFalse();
        description.Find("raxx-api")!.Config.Health.Path.ShouldBe("/health");
    }

    [Fact]
    public void A_services_own_value_wins_over_the_defaults_which_win_over_the_built_in_ones()
    {
        var description = Parse(
            """
            { "github": { "repository": "raxx-app/TradeMasterAPI", "branch": "trunk" },
              "defaults": { "postDeploy": { "settleTimeoutSeconds": 300, "formation": { "size": "Standard-2X" } } },
              "services": {
                "raxx-api": { "pipeline": "raxx-api", "workflow": "w.yml", "apps": { "prod": "raxx-api-live" },
                              "postDeploy": { "formation": { "quantity": 3 } },
                              "configVars": { "mayBeEqual": ["WEBAUTHN_RP_ID"], "kinds": { "SECRET_KEY": "text" } } } } }
            """
        );

        var api = description.Find("raxx-api")!;
        api.Error.ShouldBeNull();
        api.Config.PostDeploy.SettleTimeout.ShouldBe(TimeSpan.FromSeconds(300));
        (api.Config.PostDeploy.Quantity, api.Config.PostDeploy.Size).ShouldBe((3, "Standard-2X"));
        api.Config.GitHub.Branch.ShouldBe("trunk");
        (api.Config.Staging.App, api.Config.Prod.App).ShouldBe((string.Empty, "raxx-api-live"));
        api.ToFind.HasFlag(Discover.Apps).ShouldBeTrue("staging's app is still the pipeline's to say");
        api.ToFind.HasFlag(Discover.RequiredVars).ShouldBeTrue();
        api.ToFind.HasFlag(Discover.Differ).ShouldBeFalse("the config names which may be equal");
        api.Config.ConfigVars.Kinds["SECRET_KEY"].ShouldBe(VarKind.Text);
    }

    [Theory]
    [InlineData(
        """ "raxx-velvet": { "workflow": "w.yml" } """,
        "config test.json: field services.raxx-velvet.pipeline is missing: name the service's Heroku pipeline, or both its apps (apps.staging and apps.prod)"
    )]
    [InlineData(
        """ "raxx-velvet": { "pipeline": "raxx-velvet", "workflow": "w.yml", "helth": {} } """,
        "field services.raxx-velvet.helth is not a known field (did you mean 'health'?)"
    )]
    [InlineData(
        """ "raxx-velvet": { "pipeline": "raxx-velvet", "workflow": "w.yml", "health": { "path": "healthz" } } """,
        "field services.raxx-velvet.health.path must start with '/'"
    )]
    [InlineData(
        """ "raxx-velvet": { "pipeline": "raxx-velvet", "workflow": "w.yml" }, "raxx-velvet": { "pipeline": "x", "workflow": "w.yml" } """,
        "field services.raxx-velvet is given twice; keep one"
    )]
    [InlineData(
        """ "Raxx_Velvet": { "pipeline": "raxx-velvet", "workflow": "w.yml" } """,
        "field services.Raxx_Velvet is not a service name"
    )]
    public void A_mistake_in_one_service_is_that_services_one_line_and_the_others_stand(string velvet, string line)
    {
        var description = Parse(
            $$"""
            { "github": { "repository": "raxx-app/TradeMasterAPI" },
              "services": { "raxx-api": { "pipeline": "raxx-api", "workflow": "w.yml" }, {{velvet}} } }
            """
        );

        description.Find("raxx-api")!.Error.ShouldBeNull();
        var broken = description.Services.Single(s => s.Name != "raxx-api");
        broken.Error.ShouldNotBeNull();
        broken.Error.ShouldContain(line);
        broken.Error.ShouldNotContain("\n");
    }

    [Theory]
    [InlineData("servces")]
    [InlineData("Services")]
    public void A_misspelled_services_map_is_named_not_read_as_a_one_service_file(string key)
    {
        var json = $$"""
            { "github": { "repository": "raxx-app/TradeMasterAPI" },
              "{{key}}": { "raxx-api": { "pipeline": "raxx-api", "workflow": "w.yml" } } }
            """;

        Should
            .Throw<PreflightConfigException>(() => Parse(json))
            .Message.ShouldBe($"config test.json: field {key} is not a known field (did you mean 'services'?)");
    }

    [Fact]
    public void A_probe_header_given_its_value_instead_of_a_variable_is_refused_without_quoting_it()
    {
        const string Pasted = "3e8f1c0b9a7d6e5f4c3b2a19f8e7d6c5";
        var description = Parse(
            $$"""
            { "github": { "repository": "raxx-app/TradeMasterAPI" },
              "services": { "raxx-api": { "pipeline": "raxx-api", "workflow": "w.yml",
                                          "health": { "path": "/health", "headers": { "CF-Access-Client-Secret": "{{Pasted}}" } } } } }
            """
        );

        var error = description.Find("raxx-api")!.Error.ShouldNotBeNull();
        error.ShouldContain("field services.raxx-api.health.headers.CF-Access-Client-Secret must name the environment variable");
        error.ShouldNotContain(Pasted);
    }

    [Fact]
    public void The_queues_whole_file_is_one_service_named_by_its_health()
    {
        var description = PreflightConfigLoader.LoadDescription(Repo.DefaultConfig, Items.Catalog);

        description.Names.ShouldBe(["raxx-queue"]);
        description.Services[0].ToFind.ShouldBe(Discover.None);
        description.Services[0].Config.Prod.App.ShouldBe("raxx-queue-prod");
    }

    [Fact]
    public void A_file_with_no_service_or_no_repository_is_refused_whole()
    {
        Should
            .Throw<PreflightConfigException>(() => Parse("""{ "github": { "repository": "raxx-app/TradeMasterAPI" }, "services": {} }"""))
            .Message.ShouldBe("config test.json: field services names no service");
        Should
            .Throw<PreflightConfigException>(() => Parse("""{ "github": {}, "services": { "a": { "pipeline": "a", "workflow": "w" } } }"""))
            .Message.ShouldContain("field github.repository is missing");
    }
}
