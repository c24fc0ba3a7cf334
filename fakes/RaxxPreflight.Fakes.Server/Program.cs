using RaxxPreflight;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Databases;
using RaxxPreflight.Fakes.Scenarios;

// dotnet run --project fakes/RaxxPreflight.Fakes.Server -- --scenario blocked
var scenarioName = args.Length == 2 && args[0] == "--scenario" ? args[1] : null;
if (scenarioName is null || !ScenarioCatalog.Names.Contains(scenarioName))
{
    await Console
        .Error.WriteLineAsync(
            $"usage: dotnet run --project fakes/RaxxPreflight.Fakes.Server -- --scenario ({string.Join("|", ScenarioCatalog.Names)})"
        )
        .ConfigureAwait(false);
    return 2;
}

var scenario = ScenarioCatalog.Get(scenarioName);
var image = Environment.GetEnvironmentVariable(Settings.PostgresImage) is { Length: > 0 } configured ? configured : "postgres:16";
var world = await FakeWorld
    .StartAsync(scenario, new FakeDatabaseOptions(image, Environment.GetEnvironmentVariable(Settings.FakesPostgres)))
    .ConfigureAwait(false);
await using var stopping = world.ConfigureAwait(false);

// Real clients (the Heroku CLI reading `heroku logs`) cannot resolve logplex.heroku.com to the fake: point the
// sessions at the fake itself. The checklist reaches them the same way.
world.Logplex.ServeDirectly();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Console.WriteLine($"# fakes serving '{scenario.Name}': {scenario.Description}");
if (world.DatabaseError is { } error)
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
    // Ctrl+C: stop the fakes.
}

return 0;
