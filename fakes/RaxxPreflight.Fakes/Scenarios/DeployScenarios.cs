namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>The worlds right after the prod deploy: promoted and healthy, crashing, the wrong image, still settling.</summary>
public static class DeployScenarios
{
    /// <summary>When the deploy released to prod.</summary>
    public static readonly DateTimeOffset DeployedAt = new(2026, 5, 18, 23, 40, 0, TimeSpan.Zero);

    /// <summary>The deploy release's version on prod.</summary>
    public const int DeployVersion = 6;

    /// <summary>
    /// The promoted image running: v6 <c>Deployed web (142013fe2b5c)</c>, formation web=1, web.1 up, health ok
    /// with staging's version, clean startup logs. Every pre-deploy item still passes.
    /// </summary>
    public static Scenario Deployed() =>
        Released(
            ScenarioNames.Deployed,
            "the promoted image running on prod: every item passes",
            SeedScenarios.StagingImage,
            "up",
            RouterState.Healthy("raxx-queue", SeedScenarios.ServiceVersion),
            CleanStartup
        );

    /// <summary>The deploy released, but web.1 crashed at startup: the router answers 503 and the log holds an ERROR line.</summary>
    public static Scenario DeployedCrashing()
    {
        var token = SeedScenarios.Ready().Prod.ConfigVars["QUEUE_SERVICE_TOKEN_RAPTOR"];
        return Released(
            ScenarioNames.DeployedCrashing,
            "web.1 crashed at startup: health 503 from the router, an ERROR line in the log",
            SeedScenarios.StagingImage,
            "crashed",
            RouterState.Unavailable,
            [
                Boot(2, "heroku", "Starting process with command `/usr/local/bin/raxx-queue`"),
                Boot(4, "app", "INFO raxx-queue 0.1.0 starting"),
                // A service that logs the credential it was refused: the checklist must mask it when it quotes the line.
                Boot(5, "app", $"ERROR raptor handshake refused: Authorization: Bearer {token} (401)"),
                Boot(5, "heroku", "Process exited with status 1"),
                Boot(5, "heroku", "State changed from starting to crashed"),
            ]
        );
    }

    /// <summary>
    /// Secrets the run never read, in the places apps and APIs put them: every kind of <see cref="LeakedSecrets"/> in
    /// ERROR lines of prod's startup log, and in the body of a failing health answer.
    /// </summary>
    public static Scenario DeployedLeakingSecrets() =>
        Released(
            ScenarioNames.DeployedLeakingSecrets,
            "web.1 up, but its startup log and its failing health answer quote secrets of other systems",
            SeedScenarios.StagingImage,
            "up",
            new RouterState(500, "application/json", $$"""{"status":"error","detail":"{{LeakedSecrets[0]}} {{LeakedSecrets[4]}}"}"""),
            [
                Boot(2, "heroku", "Starting process with command `/usr/local/bin/raxx-queue`"),
                .. LeakedSecrets.Select(
                    (secret, i) =>
                        Boot(
                            4,
                            "app",
                            $"ERROR upstream {i} refused: {LeakedSecretLines[i].Replace("{}", secret, StringComparison.Ordinal)}"
                        )
                ),
                Boot(5, "heroku", "State changed from starting to up"),
            ]
        );

    /// <summary>Secrets of other systems, one of each kind the pattern redactor knows.</summary>
    public static IReadOnlyList<string> LeakedSecrets { get; } =
    [
        "Xq9-db-Pa55w0rd-7731",
        "sk_live_51OtherAcct9x8y7z6w5v4u3t",
        "ghp_Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78",
        "AKIAQ3EGRT7HZEXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzEXAMPLE",
        "xoxb-2048-4096-AbCdEfGhIjKlMnOpQrSt",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyYXh4In0.c2lnbmF0dXJlLW9mLXRoZS1qd3Q",
        "HRKU-5e3f0c1d-aaaa-bbbb-cccc-0123456789ab",
        "hunter2-but-longer-9981",
    ];

    private static readonly string[] LeakedSecretLines =
    [
        "postgres://billing:{}@10.0.0.12:5432/billing",
        "stripe key {}",
        "git token {}",
        "aws key id {}",
        "AWS_SECRET_ACCESS_KEY={}",
        "slack {}",
        "Authorization: Bearer {}",
        "HEROKU_API_KEY={}",
        "smtp password={}",
    ];

    /// <summary>Prod runs an image other than the one staging runs: a rebuild, not a promotion.</summary>
    public static Scenario DeployedWrongImage() =>
        Released(
            ScenarioNames.DeployedWrongImage,
            "prod runs image 9b1f0c3d7a2e, staging runs 142013fe2b5c",
            "9b1f0c3d7a2e",
            "up",
            RouterState.Healthy("raxx-queue", SeedScenarios.ServiceVersion),
            CleanStartup
        );

    /// <summary>
    /// The release exists, but for the first <paramref name="looks"/> looks at each resource web.1 is starting, the
    /// router answers 503 and the app has logged nothing; then that resource is as <see cref="Deployed"/> serves it.
    /// </summary>
    public static Scenario Settling(int looks)
    {
        var deployed = Deployed();
        var booting = deployed.Prod with
        {
            Router = RouterState.Unavailable,
            Dynos = [new DynoState("web.1", "starting", DeployVersion, "Standard-1X")],
            Log = [.. deployed.Prod.Log.Where(l => l.At < DeployedAt.AddSeconds(3))],
        };
        return deployed with
        {
            Name = ScenarioNames.Settling,
            Description = $"web.1 starting, health 503 and nothing logged for the first {looks} looks at each, then everything up",
            Prod = booting,
            SettlesAfterLooks = looks,
            Later = deployed with { Name = ScenarioNames.Settling },
        };
    }

    private static IReadOnlyList<LogLineState> CleanStartup =>
        [
            Boot(2, "heroku", "Starting process with command `/usr/local/bin/raxx-queue`"),
            Boot(4, "app", "INFO raxx-queue 0.1.0 listening on 0.0.0.0:41982"),
            Boot(5, "heroku", "State changed from starting to up"),
            Boot(6, "app", "INFO connected to postgres (pool 10)"),
        ];

    private static LogLineState Boot(int seconds, string source, string text) => new(DeployedAt.AddSeconds(seconds), source, "web.1", text);

    private static Scenario Released(
        string name,
        string description,
        string image,
        string dynoState,
        RouterState router,
        IReadOnlyList<LogLineState> startup
    )
    {
        var ready = SeedScenarios.Ready();
        var prod = ready.Prod;
        var released = prod with
        {
            Releases =
            [
                .. prod.Releases.Select(r => r with { Current = false }),
                new ReleaseState(DeployVersion, $"Deployed web ({image})", "succeeded", true, DeployedAt),
            ],
            Formation = [new FormationState("web", 1, "Standard-1X")],
            Dynos = [new DynoState("web.1", dynoState, DeployVersion, "Standard-1X")],
            Router = router,
            Log =
            [
                .. prod.Log,
                // From an earlier, aborted attempt: before the release, so not this deploy's startup.
                new LogLineState(DeployedAt.AddHours(-1), "app", "web.1", "ERROR raptor unreachable (aborted attempt)"),
                new LogLineState(DeployedAt, "heroku", "api", $"Deploy {image} by ops@raxx.app"),
                .. startup,
            ],
        };
        return ready with { Name = name, Description = description, Prod = released };
    }
}
