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
    private Started? started;

    /// <summary>What every item reads; throws the setup error when the run could not start.</summary>
    public DeployWorld World =>
        started?.World ?? throw new PreflightSetupException(started?.SetupError ?? "the checklist session did not start");

    /// <summary>The config's waivers; none when the run could not start (then nothing is judged to waive).</summary>
    public IReadOnlyList<Waiver> Waivers => started?.World?.Config.Waivers ?? [];

    /// <summary>The day waivers are judged on: today, in UTC, by the run's clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime((started?.World?.Time ?? TimeProvider.System).GetUtcNow().UtcDateTime);

    /// <summary>The configuration of the run.</summary>
    public PreflightConfig Config => World.Config;

    /// <summary>Where each item's result and each look of a wait go as they happen (the runner's live view).</summary>
    public RunEventSink Events { get; private set; } = RunEventSink.None;

    /// <summary>Masks every secret the run has read out of <paramref name="text"/> (a no-op before the run started).</summary>
    public string Scrub(string text) => started?.World?.Redactor.Scrub(text) ?? text;

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
            var config = PreflightConfigLoader.Load(environment.ConfigFile(AppContext.BaseDirectory), ChecklistCatalog.Current);
            config = config with { PostDeploy = environment.Apply(config.PostDeploy) };
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
                    config.ApiTimeout
                );
                databases = new DatabaseAccess(environment.DatabaseTls);
            }
            else
            {
                (fakes, clients, databases) = await StartFakesAsync(parsed.Scenario!, environment, config, stopping.Token);
            }

            // The waits run on the system's clock; a settling scenario moves on by their looks, not by that clock.
            return new Started(new DeployWorld(config, clients, TimeProvider.System, databases, stopping.Token), null, fakes, stopping);
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
            config.ApiTimeout
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
    internal sealed record Started(DeployWorld? World, string? SetupError, IAsyncDisposable? Fakes, CancellationTokenSource Stopping)
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
