using System.Runtime.CompilerServices;
using RaxxPreflight.Checks.Results;
using RaxxPreflight.Configuration;
using RaxxPreflight.Database;
using RaxxPreflight.Declarations;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Databases;
using RaxxPreflight.Fakes.Scenarios;
using RaxxPreflight.Http;
using RaxxPreflight.Reporting;
using RaxxPreflight.Secrets;
using RaxxPreflight.World;

[assembly: AssemblyFixture(typeof(RaxxPreflight.Checks.Session.PreflightSession))]

namespace RaxxPreflight.Checks.Session;

/// <summary>
/// One run of the checklist: the target (never implicit), the config, the fakes when the target is
/// <c>fakes:&lt;scenario&gt;</c>, and the <see cref="DeployWorld"/> every item reads through. When the run
/// cannot start, every item fails with the one line that says what to set.
/// </summary>
public sealed class PreflightSession : IAsyncLifetime
{
    // The service the running item checks: set by Item.RunAsync for the item's own flow, so that items of several
    // services running at once each read their own.
    private static readonly AsyncLocal<DeployWorld?> Current = new();
    private Started? started;

    /// <summary>What the running item reads: its service's world. Throws the setup error when the run could not start.</summary>
    public DeployWorld World =>
        Current.Value
        ?? throw new PreflightSetupException(
            started?.SetupError ?? (started?.Fleet is null ? "the checklist session did not start" : "no service is being checked here")
        );

    /// <summary>The config's waivers; none when the run could not start (then nothing is judged to waive).</summary>
    public IReadOnlyList<Waiver> Waivers => started?.Fleet?.Waivers ?? [];

    /// <summary>The day waivers are judged on: today, in UTC, by the run's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime((started?.Fleet?.Time ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    /// <summary>The configuration of the running item's service.</summary>
    public PreflightConfig Config => World.Config;

    /// <summary>Every service of the run; null when the run could not start.</summary>
    internal Fleet? Fleet => started?.Fleet;

    /// <summary>
    /// Makes <paramref name="service"/>'s world the one the running item reads (its apps and rules found on the first
    /// item that asks); null (no Service trait) when the description could not be read at discovery: then the setup
    /// error is what the item reports. Throws, in one line, what keeps the service from being checked.
    /// </summary>
    /// <remarks>
    /// The caller sets the world it returns with <see cref="Enter"/>: a value set inside an awaited method is not seen
    /// by its caller once it returns.
    /// </remarks>
    internal async Task<DeployWorld> ServiceWorldAsync(string? service)
    {
        if (started?.Fleet is not { } fleet)
        {
            throw new PreflightSetupException(started?.SetupError ?? "the checklist session did not start");
        }

        var name = service ?? (fleet.Description.Services is [var only] ? only.Name : null);
        if (name is null)
        {
            throw new PreflightSetupException(
                $"the test case names no service, and the config describes {fleet.Description.Services.Count}: run it with its Service trait"
            );
        }

        try
        {
            return await fleet.WorldAsync(name);
        }
        catch (PreflightConfigException e)
        {
            throw new PreflightSetupException(e.Message);
        }
    }

    /// <summary>Makes <paramref name="world"/> the one the running item (this flow, and what it calls) reads.</summary>
    internal static void Enter(DeployWorld world) => Current.Value = world;

    /// <summary>Where each item's result and each look of a wait go as they happen (the runner's live view).</summary>
    public RunEventSink Events { get; private set; } = RunEventSink.None;

    /// <summary>Masks every secret the run has read out of <paramref name="text"/> (a no-op before the run started).</summary>
    public string Scrub(string text) => started?.Fleet?.Redactor.Scrub(text) ?? text;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var start = SessionStart.Here;
        if (start?.Events is { } events)
        {
            Events = RunEventSink.To(events);
        }
        else if (PreflightSettings.EventsRequested())
        {
            Events = RunEventSink.StandardError();
        }

        started = start?.Adopt() is { } run ? await run : await StartAsync(start?.Target, start?.Stopping ?? default);
    }

    /// <summary>
    /// Sets a run up: against <paramref name="target"/> when given, else the one <c>PREFLIGHT_TARGET</c> names. Its reads
    /// and waits stop when <paramref name="stop"/> does (the operator's run stopped, or past its bound).
    /// </summary>
    internal static async Task<Started> StartAsync(string? target, CancellationToken stop)
    {
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop);
        IAsyncDisposable? fakes = null;
        try
        {
            var environment = PreflightSettings.FromProcess();
            var parsed = PreflightTarget.Parse(target ?? environment.Target, ScenarioNames.All);
            var description = PreflightConfigLoader.LoadDescription(
                environment.ConfigFile(AppContext.BaseDirectory),
                ChecklistCatalog.Current
            );
            description = new DeployDescription([
                .. description.Services.Select(s =>
                    s with
                    {
                        Config = s.Config with
                        {
                            PostDeploy = environment.Apply(s.Config.PostDeploy),
                            Health = environment.Apply(s.Config.Health),
                        },
                    }
                ),
            ]);
            var config = description.Services.FirstOrDefault(s => s.Error is null)?.Config ?? description.Services[0].Config;
            DeployClients clients;
            DatabaseAccess databases;
            if (parsed.IsLive)
            {
                environment.RequireLiveCredentials();
                clients = DeployClients.Create(
                    environment.ApiUrls,
                    environment.HerokuApiKey!,
                    environment.GitHubToken!,
                    environment.Resolution,
                    config.ApiTimeout,
                    config.HerokuRateFloor
                );
                databases = new DatabaseAccess(environment.DatabaseTls);
            }
            else
            {
                (fakes, clients, databases) = await StartFakesAsync(parsed.Scenario!, environment, config, stopping.Token);
            }

            // The waits run on the system's clock; a settling scenario moves on by their looks, not by that clock.
            return new Started(new Fleet(description, clients, TimeProvider.System, databases, stopping.Token), null, fakes, stopping);
        }
        catch (PreflightConfigException e)
        {
            return new Started(null, e.Message, fakes, stopping);
        }
        catch
        {
            // A start that broke (the fakes could not start) leaves nothing running behind it.
            await new Started(null, null, fakes, stopping).DisposeAsync();
            throw;
        }
    }

    // Everything that names the fakes is here, out of the live path's way: a live run never loads them (nor
    // WireMock.Net or Testcontainers behind them), which LiveRunsCarryNoFakesTests holds.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(IAsyncDisposable Fakes, DeployClients Clients, DatabaseAccess Databases)> StartFakesAsync(
        string scenario,
        PreflightSettings environment,
        PreflightConfig config,
        CancellationToken cancellationToken
    )
    {
        var world = await FakeWorld.StartAsync(
            ScenarioCatalog.Get(scenario),
            new FakeDatabaseOptions(environment.PostgresImage, environment.FakesPostgres, environment.DockerHost),
            config.Health.Path,
            cancellationToken: cancellationToken
        );
        var clients = DeployClients.Create(
            new ApiUrls(world.Heroku.Url, world.GitHub.Url, world.Stripe.Url),
            new SecretValue(world.HerokuApiKey),
            new SecretValue(world.GitHubToken),
            HostResolution.Parse(world.Resolve, world.CertificatePin),
            config.ApiTimeout,
            config.HerokuRateFloor
        );
        return (world, clients, new DatabaseAccess(false, world.DatabasesReadyAsync));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Events.Dispose();
        if (started is not null)
        {
            await started.DisposeAsync();
        }
    }

    /// <summary>A run set up: its world, or why it could not start; the fakes it started; what stops its waits.</summary>
    internal sealed record Started(Fleet? Fleet, string? SetupError, IAsyncDisposable? Fakes, CancellationTokenSource Stopping)
        : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stopping.CancelAsync();
            Stopping.Dispose();
            if (Fakes is not null)
            {
                await Fakes.DisposeAsync();
            }
        }
    }
}
