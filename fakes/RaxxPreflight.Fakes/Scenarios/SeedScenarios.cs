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
    public static Scenario Blocked() => new(
        "blocked",
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
            RouterState.NoWebDynos),
        GitHub([]),
        new StripeState(new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            [FakeSecrets.StripeKey("sk_test_", "staging/sk")] = false,
        }));

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
            Name = "ready",
            Description = "the blockers cleared: every pre-deploy item holds, nothing deployed yet",
            Prod = blocked.Prod with { ConfigVars = prodVars },
            GitHub = GitHub([new ProtectionRuleState(3755, "required_reviewers", ["MooseQuest"])]),
            Stripe = new StripeState(stripeKeys),
        };
    }

    private static string StagingSentryDsn => FakeSecrets.SentryDsn("staging/sentry", 4507238190);

    private static AppState Staging() => new(
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
        RouterState.Healthy(Service, Version));

    private static GitHubState GitHub(IReadOnlyList<ProtectionRuleState> productionRules) => new(
        "raxx-app",
        "TradeMasterAPI",
        new Dictionary<string, string>(StringComparer.Ordinal) { ["main"] = MainHead },
        new Dictionary<string, string>(StringComparer.Ordinal) { [DeployWorkflow.Path] = DeployWorkflow.WithConfirmGate },
        new Dictionary<string, IReadOnlyList<ProtectionRuleState>>(StringComparer.Ordinal) { ["production"] = productionRules },
        [
            new WorkflowRunState(9120044871, 41, "deploy-queue.yml", PreviousCommit, "main", "push", "completed", "success", Day.AddHours(-30)),
            new WorkflowRunState(9120577310, 42, "deploy-queue.yml", MainHead, "main", "push", "completed", "success", Day.AddHours(21)),

            // A newer dispatch that the confirm gate rejected: the newest run, but not a successful one.
            new WorkflowRunState(9121003255, 43, "deploy-queue.yml", MainHead, "main", "workflow_dispatch", "completed", "failure", Day.AddHours(22)),
        ]);
}
