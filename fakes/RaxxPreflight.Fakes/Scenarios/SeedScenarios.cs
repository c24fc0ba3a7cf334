namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>The scenarios of the seed checklist (../shared/seed/pre-deploy-checklist-2026-05-18.txt).</summary>
public static class SeedScenarios
{
    /// <summary>main's HEAD on 2026-05-18: "fix(queue): guard add_subdirectory(tests) for Docker production builds".</summary>
    public const string MainHead = "0c4b71283f9e2d6a8b1c5e7f9a0d2c4e6b8a1f3d";

    /// <summary>The commit before it, which an older deploy built.</summary>
    public const string PreviousCommit = "7d2e9a41c6b0f3e85a1d4c7b2e9f0a3d6c8b5e17";

    private const string Service = "raxx-queue";
    private const string Version = "0.1.0";
    private static readonly DateTimeOffset Day = new(2026, 5, 18, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The state on 2026-05-18: staging healthy on v14 with its 11 vars and test-mode Stripe keys; prod on
    /// v5 with only DATABASE_URL and SENTRY_DSN_QUEUE (the same DSN as staging), no release, no formation;
    /// both on heroku-postgresql:standard-0; the production environment without protection rules; the
    /// confirm gate in the workflow; main's HEAD 0c4b7128 deployed to staging.
    /// </summary>
    public static Scenario Blocked() =>
        new(
            ScenarioNames.Blocked,
            "the seed's state on 2026-05-18: prod lacks 9 config vars and its Stripe keys",
            Staging(),
            new AppState(
                "raxx-queue-prod",
                new Guid("0d4f6e2a-3b1c-4a5d-9e8f-327fa047b4b6"),
                "327fa047b4b6",
                new Dictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["DATABASE_URL"] = FakeSecrets.DatabaseUrl("prod/db"),
                    ["SENTRY_DSN_QUEUE"] = StagingSentryDsn,
                },
                [new AddonState("postgresql-flat-88052", "heroku-postgresql", "heroku-postgresql:standard-0")],
                RouterState.NoWebDynos,
                ProdReleases,
                [],
                [],
                [new LogLineState(Day.AddHours(22).AddMinutes(40), "heroku", "api", "Set SENTRY_DSN_QUEUE config vars by ops@raxx.app")]
            ),
            GitHub([]),
            new StripeState(
                new Dictionary<string, bool>(StringComparer.Ordinal) { [FakeSecrets.StripeKey("sk_test_", "staging/sk")] = false }
            )
        );

    /// <summary>
    /// The blockers cleared: prod has every var (live Stripe keys Stripe accepts, its own Raptor URL and
    /// Sentry project), and the production environment requires a reviewer. Nothing is deployed yet.
    /// </summary>
    public static Scenario Ready()
    {
        var blocked = Blocked();
        var prodVars = new Dictionary<string, string?>(blocked.Prod.ConfigVars, StringComparer.Ordinal)
        {
            ["FLAG_QUEUE_BILLING"] = "true",

            // Queue-internal tokens, copied from staging as the seed says they may be.
            ["QUEUE_SERVICE_TOKEN_CONSOLE"] = FakeSecrets.Hex64("staging/console"),
            ["QUEUE_SERVICE_TOKEN_CRON"] = FakeSecrets.Hex64("staging/cron"),
            ["QUEUE_SERVICE_TOKEN_RAPTOR"] = FakeSecrets.Hex64("staging/raptor"),
            ["RAPTOR_BASE_URL"] = "https://raxx-api-prod-5e81c0d2a9f4.herokuapp.com",
            ["SENTRY_DSN_QUEUE"] = FakeSecrets.SentryDsn("prod/sentry", 4507238221),
            ["STRIPE_API_KEY"] = FakeSecrets.StripeKey("sk_live_", "prod/sk"),
            ["STRIPE_PUBLISHABLE_KEY"] = FakeSecrets.StripeKey("pk_live_", "prod/pk"),
            ["STRIPE_RESTRICTED_KEY"] = FakeSecrets.StripeKey("rk_live_", "prod/rk"),
            ["STRIPE_WEBHOOK_SECRET"] = FakeSecrets.WebhookSecret("prod/whsec"),
        };
        var stripeKeys = new Dictionary<string, bool>(blocked.Stripe.Keys, StringComparer.Ordinal)
        {
            [FakeSecrets.StripeKey("sk_live_", "prod/sk")] = true,
        };
        return blocked with
        {
            Name = ScenarioNames.Ready,
            Description = "the blockers cleared: every pre-deploy item holds, nothing deployed yet",
            Prod = blocked.Prod with { ConfigVars = prodVars },
            GitHub = GitHub([new ProtectionRuleState(3755, "required_reviewers", ["MooseQuest"])]),
            Stripe = new StripeState(stripeKeys),
        };
    }

    private static string StagingSentryDsn => FakeSecrets.SentryDsn("staging/sentry", 4507238190);

    private static AppState Staging() =>
        new(
            "raxx-queue-staging",
            new Guid("6a1c9e3f-52d7-4b08-8e4a-8d1e5b2c9a47"),
            "8d1e5b2c9a47",
            new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["DATABASE_URL"] = FakeSecrets.DatabaseUrl("staging/db"),
                ["FLAG_QUEUE_BILLING"] = "true",
                ["QUEUE_SERVICE_TOKEN_CONSOLE"] = FakeSecrets.Hex64("staging/console"),
                ["QUEUE_SERVICE_TOKEN_CRON"] = FakeSecrets.Hex64("staging/cron"),
                ["QUEUE_SERVICE_TOKEN_RAPTOR"] = FakeSecrets.Hex64("staging/raptor"),
                ["RAPTOR_BASE_URL"] = "https://raxx-api-staging-3f7a9c2e4b61.herokuapp.com",
                ["SENTRY_DSN_QUEUE"] = StagingSentryDsn,
                ["STRIPE_API_KEY"] = FakeSecrets.StripeKey("sk_test_", "staging/sk"),
                ["STRIPE_PUBLISHABLE_KEY"] = FakeSecrets.StripeKey("pk_test_", "staging/pk"),
                ["STRIPE_RESTRICTED_KEY"] = FakeSecrets.StripeKey("rk_test_", "staging/rk"),
                ["STRIPE_WEBHOOK_SECRET"] = FakeSecrets.WebhookSecret("staging/whsec"),
            },
            [new AddonState("postgresql-polished-29366", "heroku-postgresql", "heroku-postgresql:standard-0")],
            RouterState.Healthy(Service, Version),
            StagingReleases,
            [new FormationState("web", 1, "Standard-1X")],
            [new DynoState("web.1", "up", 14, "Standard-1X")],
            [
                new LogLineState(
                    Day.AddHours(21).AddMinutes(2),
                    "heroku",
                    "web.1",
                    "Starting process with command `/usr/local/bin/raxx-queue`"
                ),
                new LogLineState(
                    Day.AddHours(21).AddMinutes(2).AddSeconds(3),
                    "app",
                    "web.1",
                    "INFO raxx-queue 0.1.0 listening on 0.0.0.0:51234"
                ),
                new LogLineState(Day.AddHours(21).AddMinutes(2).AddSeconds(4), "heroku", "web.1", "State changed from starting to up"),
            ]
        );

    /// <summary>The image staging runs: the one the deploy promotes to prod.</summary>
    public const string StagingImage = "142013fe2b5c";

    /// <summary>The service's version, as its health endpoint reports it.</summary>
    public const string ServiceVersion = Version;

    /// <summary>When prod's v5 was made.</summary>
    public static DateTimeOffset ProdV5At => Day.AddHours(22).AddMinutes(40);

    private static IReadOnlyList<ReleaseState> StagingReleases =>
        [
            new(1, "Initial release", "succeeded", false, Day.AddDays(-70)),
            new(2, "Enable Logplex", "succeeded", false, Day.AddDays(-70)),
            new(3, "Attach DATABASE (@ref:postgresql-polished-29366)", "succeeded", false, Day.AddDays(-69)),
            .. Enumerable
                .Range(4, 7)
                .Select(v => new ReleaseState(
                    v,
                    $"Deployed web ({(0x5a1f00c2d3e4L + v * 0x1111):x12})",
                    "succeeded",
                    false,
                    Day.AddDays(-60 + (v * 6))
                )),
            new(11, "Deployed web (0a9d3c6e1f47)", "succeeded", false, Day.AddDays(-3)),
            new(12, $"Deployed web ({StagingImage})", "succeeded", false, Day.AddHours(21)),
            new(13, "Set FLAG_QUEUE_BILLING config vars", "succeeded", false, Day.AddHours(21).AddMinutes(20)),
            new(14, "Set SENTRY_DSN_QUEUE config vars", "succeeded", true, Day.AddHours(22).AddMinutes(35)),
        ];

    private static IReadOnlyList<ReleaseState> ProdReleases =>
        [
            new(1, "Initial release", "succeeded", false, Day.AddDays(-2)),
            new(2, "Enable Logplex", "succeeded", false, Day.AddDays(-2)),
            new(3, "Attach DATABASE (@ref:postgresql-flat-88052)", "succeeded", false, Day.AddDays(-2)),
            new(4, "Update DATABASE by heroku-postgresql", "succeeded", false, Day.AddDays(-2).AddMinutes(5)),
            new(5, "Set SENTRY_DSN_QUEUE config vars", "succeeded", true, ProdV5At),
        ];

    private static GitHubState GitHub(IReadOnlyList<ProtectionRuleState> productionRules) =>
        new(
            "raxx-app",
            "TradeMasterAPI",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["main"] = MainHead },
            new Dictionary<string, string>(StringComparer.Ordinal) { [DeployWorkflow.Path] = DeployWorkflow.WithConfirmGate },
            new Dictionary<string, IReadOnlyList<ProtectionRuleState>>(StringComparer.Ordinal) { ["production"] = productionRules },
            [
                new WorkflowRunState(
                    9120044871,
                    41,
                    "deploy-queue.yml",
                    PreviousCommit,
                    "main",
                    "push",
                    "completed",
                    "success",
                    Day.AddHours(-30)
                ),
                new WorkflowRunState(
                    9120577310,
                    42,
                    "deploy-queue.yml",
                    MainHead,
                    "main",
                    "push",
                    "completed",
                    "success",
                    Day.AddHours(21)
                ),
                // A newer dispatch that the confirm gate rejected: the newest run, but not a successful one.
                new WorkflowRunState(
                    9121003255,
                    43,
                    "deploy-queue.yml",
                    MainHead,
                    "main",
                    "workflow_dispatch",
                    "completed",
                    "failure",
                    Day.AddHours(22)
                ),
            ]
        );
}
