using RaxxPreflight.Configuration;

namespace RaxxPreflight.Tests.Configuration;

public class PreflightEnvironmentTests
{
    [Fact]
    public void The_live_apis_are_the_defaults()
    {
        var environment = PreflightSettings.Read(_ => null);

        environment.ApiUrls.Heroku.ShouldBe(new Uri("https://api.heroku.com/"));
        environment.ApiUrls.GitHub.ShouldBe(new Uri("https://api.github.com/"));
        environment.ApiUrls.Stripe.ShouldBe(new Uri("https://api.stripe.com/"));
        environment.Resolution.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void A_base_url_override_keeps_its_path_and_gains_a_trailing_slash()
    {
        var environment = PreflightSettings.Read(name => name == "GITHUB_API_URL" ? "https://ghe.raxx.app/api/v3" : null);

        environment.ApiUrls.GitHub.ShouldBe(new Uri("https://ghe.raxx.app/api/v3/"));
    }

    [Fact]
    public void A_malformed_url_override_fails_naming_the_variable()
    {
        var error = Should.Throw<PreflightConfigException>(() =>
            PreflightSettings.Read(name => name == "HEROKU_API_URL" ? "api.heroku.com" : null)
        );

        error.Message.ShouldStartWith("HEROKU_API_URL=\"api.heroku.com\" is not an absolute http(s) URL");
    }

    [Fact]
    public void A_live_run_without_credentials_names_each_missing_one()
    {
        var environment = PreflightSettings.Read(name => name == "GITHUB_TOKEN" ? "ghp_x" : null);

        var error = Should.Throw<PreflightConfigException>(environment.RequireLiveCredentials);

        error.Message.ShouldContain("HEROKU_API_KEY");
        error.Message.ShouldNotContain("GITHUB_TOKEN");
        error.Message.ShouldContain("nothing was checked");
    }

    [Fact]
    public void Blank_credentials_count_as_missing()
    {
        var environment = PreflightSettings.Read(name => name is "HEROKU_API_KEY" or "GITHUB_TOKEN" ? "  " : null);

        Should
            .Throw<PreflightConfigException>(environment.RequireLiveCredentials)
            .Message.ShouldContain("HEROKU_API_KEY (heroku auth:token) and GITHUB_TOKEN");
    }

    [Fact]
    public void The_config_file_defaults_to_the_one_beside_the_checks()
    {
        PreflightSettings.Read(_ => null).ConfigFile("/opt/checks").ShouldBe("/opt/checks/preflight.json");
        PreflightSettings
            .Read(n => n == "PREFLIGHT_CONFIG" ? "/etc/other.json" : null)
            .ConfigFile("/opt/checks")
            .ShouldBe("/etc/other.json");
    }
}
