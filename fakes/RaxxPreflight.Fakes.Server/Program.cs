using RaxxPreflight;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Databases;
using RaxxPreflight.Fakes.Scenarios;

// dotnet run --project fakes/RaxxPreflight.Fakes.Server -- --scenario blocked [--latency 200]
//   --latency MS  delays every HTTP answer by MS milliseconds, as a network would (how the checklist fares on one)
var scenarioName = Option("--scenario");
var latencyText = Option("--latency");
var latency =
    latencyText is not null && int.TryParse(latencyText, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
        ? parsed
        : (int?)null;
var problem =
    scenarioName is null ? "name a scenario with --scenario"
    : !ScenarioCatalog.Names.Contains(scenarioName) ? $"no scenario is named '{scenarioName}'"
    : latencyText is not null && latency is null ? $"--latency {latencyText}: give a whole number of milliseconds, 0 or more"
    : args.Length != (latencyText is null ? 2 : 4) ? "unexpected arguments"
    : null;
if (problem is not null)
{
    await Console
        .Error.WriteLineAsync(
            $"fakes: {problem}\nusage: dotnet run --project fakes/RaxxPreflight.Fakes.Server -- --scenario ({string.Join("|", ScenarioCatalog.Names)}) [--latency MS]"
        )
        .ConfigureAwait(false);
    return 2;
}

// Ctrl+C, and a plain kill (SIGTERM), stop the fakes and remove their database containers: nothing reaps them else.
// Both are taken before the fakes start and held until their containers are gone (declared first, disposed last), so a
// signal during the start or the removal, or a second one (a kill of `dotnet run` sends its own SIGTERM too), only
// asks again for the stop already under way.
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var terminated = System.Runtime.InteropServices.PosixSignalRegistration.Create(
    System.Runtime.InteropServices.PosixSignal.SIGTERM,
    context =>
    {
        context.Cancel = true;
        stop.Cancel();
    }
);

var scenario = ScenarioCatalog.Get(scenarioName!);
var image = Environment.GetEnvironmentVariable(Settings.PostgresImage) is { Length: > 0 } configured ? configured : "postgres:16";
var world = await FakeWorld
    .StartAsync(scenario, new FakeDatabaseOptions(image, Environment.GetEnvironmentVariable(Settings.FakesPostgres)))
    .ConfigureAwait(false);
await using var stopping = world.ConfigureAwait(false);

// Real clients (the Heroku CLI reading `heroku logs`) cannot resolve logplex.heroku.com to the fake: point the
// sessions at the fake itself. The checklist reaches them the same way.
world.Logplex.ServeDirectly();
if (latency is > 0)
{
    world.AddLatency(TimeSpan.FromMilliseconds(latency.Value));
}

Console.WriteLine($"# fakes serving '{scenario.Name}': {scenario.Description}");

// An operator exploring a scenario wants its databases now, and to hear at once when they cannot be had.
if (await world.DatabasesReadyAsync().ConfigureAwait(false) is { } error)
{
    Console.WriteLine($"# no databases: {error}");
}

Console.WriteLine("# paste these into another shell, then run ./run-preflight.sh pre-deploy; Ctrl+C stops the fakes");
foreach (var (name, value) in world.Variables)
{
    Console.WriteLine($"export {name}='{value}'");
}

// The routers and log sessions speak TLS with the fakes' own certificate: the run pins it (above); Node clients (the
// Heroku CLI) trust it through this file.
var pem = Path.Combine(Path.GetTempPath(), $"raxx-preflight-fakes-{Environment.ProcessId}.pem");
await File.WriteAllTextAsync(pem, RaxxPreflight.Fakes.Servers.FakeCertificate.Pem).ConfigureAwait(false);
Console.WriteLine($"# for the Heroku CLI (heroku logs reads the log session over TLS): export NODE_EXTRA_CA_CERTS='{pem}'");

try
{
    await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    // Ctrl+C or SIGTERM: stop the fakes.
}
finally
{
    File.Delete(pem);
}

return 0;

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
