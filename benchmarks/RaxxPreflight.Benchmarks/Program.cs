using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using RaxxPreflight;
using RaxxPreflight.Fakes;
using RaxxPreflight.Fakes.Databases;
using RaxxPreflight.Fakes.Scenarios;

// The speed benchmark (issue #11): ./run-preflight.sh pre-deploy, built, against the fakes of the `ready` world with
// an injected per-request latency L, side by side with a sequential reference (a shell script that makes the same
// HTTP requests one curl after another), alternating, in one run; it prints medians, their ratio, the requests of
// one run and the distinct resources they read. Times are measured here and nowhere else: the tests assert counts.
//   dotnet run --project benchmarks/RaxxPreflight.Benchmarks -c Release -- [--rounds 5] [--latency 0,50,200]
//   ... -- --ci     one round at L = 0, no timing: exits 1 unless every request of the run read a distinct resource
var ci = args.Contains("--ci");
var rounds = Option("--rounds") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
var latencies = (Option("--latency") ?? "0,50,200").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray();
if (ci)
{
    (rounds, latencies) = (1, [0]);
}

var root = Root();
var image = Environment.GetEnvironmentVariable(Settings.PostgresImage) is { Length: > 0 } configured ? configured : "postgres:16";
await using var world = await FakeWorld.StartAsync(
    ScenarioCatalog.Get(ScenarioNames.Ready),
    new FakeDatabaseOptions(image, Environment.GetEnvironmentVariable(Settings.FakesPostgres))
);
if (await world.DatabasesReadyAsync() is { } error)
{
    Console.Error.WriteLine($"benchmark: the fakes' databases could not start: {error}");
    return 2;
}

// Raxx's four services (.config/fleet.json on fleet-clear), side by side with the one service above: the fleet runs them
// in one process, concurrently, each remote resource read once (a workflow or environment they share is one request).
var fleetConfig = Path.Combine(root, ".config", "fleet.json");
await using var fleet = await FakeWorld.StartAsync(
    ScenarioCatalog.Get(ScenarioNames.FleetClear),
    new FakeDatabaseOptions(image, Environment.GetEnvironmentVariable(Settings.FakesPostgres))
);
if (await fleet.DatabasesReadyAsync() is { } fleetError)
{
    Console.Error.WriteLine($"benchmark: the fleet's databases could not start: {fleetError}");
    return 2;
}

// One run first: it builds what is stale, and its requests are what the reference replays.
var before = world.AllRequests.Count;
var (warmExit, _) = await RunChecklistAsync();
var requests = world.AllRequests.Skip(before).ToList();
var distinct = requests.Distinct(StringComparer.Ordinal).Count();
if (warmExit != 0)
{
    Console.Error.WriteLine($"benchmark: the checklist exited {warmExit} on `ready`, where every pre-deploy item passes");
    return 1;
}

var fleetBefore = fleet.AllRequests.Count;
var (fleetExit, _) = await RunChecklistAsync(fleet, fleetConfig);
var fleetRequests = fleet.AllRequests.Skip(fleetBefore).ToList();
var fleetDistinct = fleetRequests.Distinct(StringComparer.Ordinal).Count();
if (fleetExit != 0)
{
    Console.Error.WriteLine(
        $"benchmark: the checklist exited {fleetExit} on `fleet-clear`, where every pre-deploy item passes or does not apply"
    );
    return 1;
}

var perService = PerService(fleetRequests);
if (ci)
{
    Console.WriteLine($"benchmark --ci: one pre-deploy run made {requests.Count} requests to {distinct} distinct resources");
    Console.WriteLine(
        $"benchmark --ci: four services in one run made {fleetRequests.Count} requests to {fleetDistinct} distinct resources ({perService})"
    );
    return requests.Count == distinct && fleetRequests.Count == fleetDistinct ? 0 : 1;
}

var reference = Path.Combine(Path.GetTempPath(), $"raxx-preflight-reference-{Environment.ProcessId}.sh");
await File.WriteAllTextAsync(reference, ReferenceScript(world));
var rows = new List<string>();
var fleetRows = new List<string>();
var injected = 0;
foreach (var latency in latencies)
{
    world.AddLatency(TimeSpan.FromMilliseconds(latency - injected));
    fleet.AddLatency(TimeSpan.FromMilliseconds(latency - injected));
    injected = latency;
    var checklist = new List<double>();
    var sequential = new List<double>();
    var fleetRuns = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        // Alternating, so that whatever the machine does meanwhile falls on all alike.
        checklist.Add((await RunChecklistAsync()).Seconds);
        sequential.Add(await TimeAsync("bash", reference));
        fleetRuns.Add((await RunChecklistAsync(fleet, fleetConfig)).Seconds);
    }

    var f = Median(fleetRuns);
    fleetRows.Add(
        string.Create(
            CultureInfo.InvariantCulture,
            $"| {latency} ms | {Median(checklist):0.00} s | {f:0.00} s | {f / Median(checklist):0.00} | {fleetRequests.Count} ({perService}) |"
        )
    );

    var (c, s) = (Median(checklist), Median(sequential));
    rows.Add(
        string.Create(
            CultureInfo.InvariantCulture,
            $"| {latency} ms | {c:0.00} s | {s:0.00} s | {c / s:0.00} | {requests.Count} | {distinct} |"
        )
    );
}

File.Delete(reference);
Console.WriteLine(
    $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {rounds} rounds per latency, medians"
);
Console.WriteLine();
Console.WriteLine(
    "| latency per request | run-preflight.sh pre-deploy | sequential reference | ratio | requests per run | distinct resources |"
);
Console.WriteLine("|---|---|---|---|---|---|");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine(
    "| latency per request | one service (raxx-queue) | four services (fleet-clear) | ratio | requests per run (per service) |"
);
Console.WriteLine("|---|---|---|---|---|");
fleetRows.ForEach(Console.WriteLine);
return 0;

// How many of a fleet run's requests each service's apps took (by app name in the path or host), and the shared rest.
static string PerService(IReadOnlyList<string> requests)
{
    string[] services = ["raxx-api", "raxx-console", "raxx-queue", "raxx-velvet"];
    var counts = services.ToDictionary(s => s, s => requests.Count(r => r.Contains(s, StringComparison.Ordinal)));
    var shared = requests.Count(r => !services.Any(s => r.Contains(s, StringComparison.Ordinal)));
    return string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")) + $", shared or by id {shared}";
}

Task<(int Exit, double Seconds)> RunChecklistAsync(FakeWorld? on = null, string? config = null) => RunOnAsync(on ?? world, config);

async Task<(int Exit, double Seconds)> RunOnAsync(FakeWorld target, string? config)
{
    var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(Path.Combine(root, "run-preflight.sh"));
    start.ArgumentList.Add("pre-deploy");
    foreach (var name in Settings.All)
    {
        start.Environment.Remove(name);
    }

    foreach (var (name, value) in target.Variables)
    {
        start.Environment[name] = value;
    }

    if (config is not null)
    {
        start.Environment[Settings.Config] = config;
    }

    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var errors = process.StandardError.ReadToEndAsync();
    await process.WaitForExitAsync();
    clock.Stop();
    if (process.ExitCode != 0)
    {
        Console.Error.WriteLine(await output);
        Console.Error.WriteLine(await errors);
    }

    return (process.ExitCode, clock.Elapsed.TotalSeconds);
}

static async Task<double> TimeAsync(string file, string argument)
{
    var start = new ProcessStartInfo(file, argument) { RedirectStandardOutput = true, RedirectStandardError = true };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    await process.StandardOutput.ReadToEndAsync();
    await process.WaitForExitAsync();
    return clock.Elapsed.TotalSeconds;
}

// The same HTTP requests the checklist made, one curl after another, with the headers each needs.
static string ReferenceScript(FakeWorld world)
{
    var script = new StringBuilder("#!/usr/bin/env bash\nset -e\n");
    var pem = Path.Combine(Path.GetTempPath(), $"raxx-preflight-fakes-{Environment.ProcessId}.pem");
    File.WriteAllText(pem, RaxxPreflight.Fakes.Servers.FakeCertificate.Pem);
    var heroku = $"-H 'Accept: application/vnd.heroku+json; version=3' -H 'Authorization: Bearer {world.HerokuApiKey}'";
    foreach (var request in world.Heroku.Requests.Where(r => r.Method == "GET").Select(r => r.Url).Distinct(StringComparer.Ordinal))
    {
        script.AppendLine(CultureInfo.InvariantCulture, $"curl -sf -o /dev/null {heroku} '{request}'");
    }

    foreach (var request in world.GitHub.Requests.Select(r => r.Url).Distinct(StringComparer.Ordinal))
    {
        script.AppendLine(CultureInfo.InvariantCulture, $"curl -sf -o /dev/null -H 'Authorization: token {world.GitHubToken}' '{request}'");
    }

    foreach (var request in world.Stripe.Requests.Select(r => (r.Url, Key: r.Headers?["Authorization"].FirstOrDefault())).Distinct())
    {
        script.AppendLine(CultureInfo.InvariantCulture, $"curl -sf -o /dev/null -H 'Authorization: {request.Key}' '{request.Url}'");
    }

    foreach (var router in new[] { world.StagingRouter, world.ProdRouter })
    {
        foreach (var request in router.Requests.Select(r => new Uri(r.Url).PathAndQuery).Distinct(StringComparer.Ordinal))
        {
            script.AppendLine(
                CultureInfo.InvariantCulture,
                $"curl -s -o /dev/null --cacert '{pem}' --resolve '{router.Host}:{router.Port}:127.0.0.1' 'https://{router.Host}:{router.Port}{request}' || true"
            );
        }
    }

    return script.ToString();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static string Root()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "RaxxPreflight.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("the benchmark runs from inside the repository");
}

string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
