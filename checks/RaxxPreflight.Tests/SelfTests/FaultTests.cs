using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Fakes.Servers;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.SelfTests;

/// <summary>
/// The real checklist, run live against the fakes behind a fault-injecting proxy per service: what a fault
/// fails, what it leaves alone, and that no secret an API echoes reaches any output.
/// </summary>
public sealed class FaultTests : IAsyncDisposable
{
    private readonly List<WireMockServer> proxies = [];

    [Fact]
    public async Task Error_bodies_that_echo_the_credentials_and_a_config_value_reach_no_output()
    {
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(SeedScenarios.Ready());
        var vars = fakes.Scenario.Prod.ConfigVars;
        var configValue = vars["QUEUE_SERVICE_TOKEN_RAPTOR"]!;
        var echo = $"refused Bearer {fakes.HerokuApiKey} / token {fakes.GitHubToken} / value {configValue}";
        var heroku = Proxy(fakes.Heroku.Url, "/apps/raxx-queue-prod/addons", 500, $"{{\"id\":\"internal_error\",\"message\":\"{echo}\"}}");
        var gitHub = Proxy(fakes.GitHub.Url, "/repos/raxx-app/TradeMasterAPI/environments/production", 500, $"{{\"message\":\"{echo}\"}}");
        var stripe = Proxy(fakes.Stripe.Url, "/v1/balance", 500, $"{{\"error\":{{\"message\":\"{echo}\",\"type\":\"api_error\"}}}}");

        var outcome = await Checklist.RunAsync(
            Phases.PreDeploy,
            new Dictionary<string, string>(fakes.Variables)
            {
                [Settings.HerokuApiUrl] = heroku.Url + "/",
                [Settings.GitHubApiUrl] = gitHub.Url + "/",
                [Settings.StripeApiUrl] = stripe.Url + "/",
            }
        );

        // Each fault fails the items that read that service, and nothing else.
        outcome.FailedIds.ShouldBe(
            [CheckIds.DeployGateConfigured, CheckIds.PostgresPlanParity, CheckIds.StripeKeyVerified],
            outcome.Render()
        );
        outcome.Results.Where(r => r.Failed).ShouldAllBe(r => r.Status == CheckStatus.NotChecked);
        var plan = outcome.Results.Single(r => r.CheckId == CheckIds.PostgresPlanParity).Reason!;
        plan.ShouldStartWith("Heroku API answered 500 internal_error to GET /apps/raxx-queue-prod/addons (\"refused Bearer HRKU-****");
        plan.ShouldEndWith("after 3 attempts: 500, 500, 500: Heroku is failing: check https://status.heroku.com and run again");

        var everything = Everything(outcome);
        foreach (var secret in new[] { fakes.HerokuApiKey, fakes.GitHubToken, configValue })
        {
            everything.ShouldNotContain(secret, Case.Sensitive, $"a secret ({RaxxPreflight.Secrets.SecretMask.Mask(secret)}) was printed");
        }
    }

    [Fact]
    public async Task A_503_once_is_retried_and_the_item_says_it_passed_after_a_retry()
    {
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(SeedScenarios.Ready());
        var heroku = Proxy(
            fakes.Heroku.Url,
            "/apps/raxx-queue-staging/addons",
            503,
            "{\"id\":\"unavailable\",\"message\":\"later\"}",
            once: true
        );

        var outcome = await Checklist.RunAsync(
            Phases.PreDeploy,
            new Dictionary<string, string>(fakes.Variables) { [Settings.HerokuApiUrl] = heroku.Url + "/" }
        );

        outcome.FailedIds.ShouldBeEmpty(outcome.Render());
        outcome
            .Results.Single(r => r.CheckId == CheckIds.PostgresPlanParity)
            .Reason.ShouldBe("passed after a retry: GET /apps/raxx-queue-staging/addons passed after 1 retry (503)");
    }

    [Fact]
    public async Task A_200_with_an_html_page_where_json_was_due_fails_only_what_reads_it_with_its_cause()
    {
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(SeedScenarios.Ready());
        var gitHub = Proxy(
            fakes.GitHub.Url,
            "/repos/raxx-app/TradeMasterAPI/contents/.github/workflows/deploy-queue.yml",
            200,
            "<html><body>Sign in to the proxy</body></html>",
            contentType: "text/html"
        );

        var outcome = await Checklist.RunAsync(
            Phases.PreDeploy,
            new Dictionary<string, string>(fakes.Variables) { [Settings.GitHubApiUrl] = gitHub.Url + "/" }
        );

        outcome.FailedIds.ShouldBe([CheckIds.DeployGateConfigured], outcome.Render());
        var gate = outcome.Results.Single(r => r.CheckId == CheckIds.DeployGateConfigured);
        gate.Status.ShouldBe(CheckStatus.NotChecked);
        gate.Reason.ShouldBe(
            "GitHub API answered 200 to GET /repos/raxx-app/TradeMasterAPI/contents/.github/workflows/deploy-queue.yml with text/html where JSON was due: a proxy or a sign-in page answered; check the API URL and run again"
        );
    }

    [Fact]
    public async Task A_log_session_that_answers_a_page_instead_of_log_lines_fails_at_once_not_after_the_wait()
    {
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(DeployScenarios.Deployed());
        var logplex = WireMockServer.Start(
            new WireMock.Settings.WireMockServerSettings
            {
                UseSSL = true,
                CertificateSettings = new WireMock.Settings.WireMockCertificateSettings { X509Certificate = FakeCertificate.Certificate },
            }
        );
        proxies.Add(logplex);
        logplex
            .Given(Request.Create().UsingGet())
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(200)
                    .WithHeader("Content-Type", "text/html")
                    .WithBody("<html>\n<body>maintenance</body>\n</html>")
            );
        var resolve = fakes.Resolve.Replace(
            $"{LogplexFake.Host}:443=127.0.0.1:{fakes.Logplex.Port}",
            $"{LogplexFake.Host}:443=127.0.0.1:{logplex.Port}",
            StringComparison.Ordinal
        );

        var outcome = await Checklist.RunAsync(
            Phases.PostDeploy,
            new Dictionary<string, string>(fakes.Variables)
            {
                [Settings.Resolve] = resolve,
                [Settings.SettleTimeout] = "60",
                [Settings.PollInterval] = "0.25",
            }
        );

        outcome.FailedIds.ShouldBe([CheckIds.ProdStartupLogsClean], outcome.Render());
        var logs = outcome.Results.Single(r => r.CheckId == CheckIds.ProdStartupLogsClean);
        logs.Reason!.ShouldContain("with 3 lines of which none is a log line (text/html)");
        logs.Seconds.ShouldBeLessThan(60);
    }

    [Fact]
    public async Task Secrets_the_run_never_read_in_the_log_a_health_body_and_a_github_error_reach_no_output()
    {
        await using var fakes = await PreDeployScenarioTests.WithDatabasesAsync(DeployScenarios.DeployedLeakingSecrets());
        var leaked = DeployScenarios.LeakedSecrets;
        var gitHub = Proxy(
            fakes.GitHub.Url,
            "/repos/raxx-app/TradeMasterAPI/environments/production",
            500,
            $"{{\"message\":\"backend {leaked[2]} {leaked[6]} postgres://ops:{leaked[0]}@10.0.0.9/x\"}}"
        );
        var variables = new Dictionary<string, string>(fakes.Variables)
        {
            [Settings.GitHubApiUrl] = gitHub.Url + "/",
            [Settings.SettleTimeout] = "5",
            [Settings.PollInterval] = "0.25",
        };

        var post = await Checklist.RunAsync(Phases.PostDeploy, variables);
        var pre = await Checklist.RunAsync(Phases.PreDeploy, variables);

        post.FailedIds.ShouldBe([CheckIds.ProdHealthy, CheckIds.ProdStartupLogsClean], post.Render());
        var logs = post.Results.Single(r => r.CheckId == CheckIds.ProdStartupLogsClean).Reason!;
        logs.ShouldContain($"{leaked.Count} failures in the web log since v6");
        logs.ShouldContain("postgres://billing:****@10.0.0.12:5432/billing");
        logs.ShouldContain("Authorization: Bearer ****");
        logs.ShouldContain("HEROKU_API_KEY=HRKU-****89ab");
        pre.FailedIds.ShouldBe([CheckIds.DeployGateConfigured], pre.Render());

        var everything = Everything(post) + Everything(pre);
        foreach (var secret in leaked)
        {
            everything.ShouldNotContain(secret, Case.Sensitive, $"a secret ({RaxxPreflight.Secrets.SecretMask.Mask(secret)}) was printed");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var proxy in proxies)
        {
            proxy.Stop();
        }

        return ValueTask.CompletedTask;
    }

    // A server in front of a fake: the one path answers the fault (once, or always), everything else is passed through.
    private WireMockServer Proxy(
        Uri target,
        string path,
        int status,
        string body,
        bool once = false,
        string contentType = "application/json"
    )
    {
        var proxy = WireMockServer.Start();
        proxies.Add(proxy);
        var fault = proxy.Given(Request.Create().WithPath(path).UsingGet()).AtPriority(1);
        if (once)
        {
            fault = fault.InScenario("once").WillSetStateTo("passed");
        }

        fault.RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body));
        proxy
            .Given(Request.Create().UsingAnyMethod())
            .AtPriority(100)
            .RespondWith(Response.Create().WithProxy(target.ToString().TrimEnd('/')));
        return proxy;
    }

    internal static string Everything(ChecklistOutcome outcome) =>
        string.Join(
            "\n",
            outcome.Output,
            outcome.ReportXml,
            outcome.Render(),
            OperatorReport.Markdown(outcome, "live"),
            OperatorReport.Json(outcome, "live"),
            JUnitReport.Build(outcome).ToString(),
            string.Join("\n", GitHubActionsReport.Annotations(outcome))
        );
}
