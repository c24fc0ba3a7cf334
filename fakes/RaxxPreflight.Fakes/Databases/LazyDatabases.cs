using System.Net;
using System.Net.Sockets;
using Npgsql;
using RaxxPreflight.Fakes.Scenarios;

namespace RaxxPreflight.Fakes.Databases;

/// <summary>
/// The scenario's databases, made only when something needs them. Their URLs exist from the start (credentials and
/// names are chosen up front, and the host and port are a local forwarder's), so the fakes serve DATABASE_URL at
/// once; the server starts (a container) or is attached (a running one), and the databases are made, on the first
/// connection to the forwarder or the first <see cref="PrepareAsync"/>, whichever comes first. A run whose items
/// read no database never starts one, and one that does starts it while its HTTP reads are in flight.
/// </summary>
public sealed class LazyDatabases : IAsyncDisposable
{
    private readonly FakeDatabaseOptions options;
    private readonly string password;
    private readonly TcpListener forwarder;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<(string Name, DatabaseState State)> planned = [];
    private readonly Lazy<Task<(FakePostgres? Server, string? Error)>> started;
    private readonly Task accepting;

    /// <summary>Plans the databases of <paramref name="options"/>' server and starts the forwarder; nothing else yet.</summary>
    public LazyDatabases(FakeDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        if (options.ExistingServer is { } existing)
        {
            var admin = new NpgsqlConnectionStringBuilder(existing);
            User = admin.Username ?? FakePostgres.ContainerUser;
            password = admin.Password ?? string.Empty;
        }
        else
        {
            User = FakePostgres.ContainerUser;
            password = FakePostgres.NewPassword();
        }

        started = new(() => Task.Run(StartAsync), LazyThreadSafetyMode.ExecutionAndPublication);
        forwarder = new TcpListener(IPAddress.Loopback, 0);
        forwarder.Start();
        accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The admin user the URLs carry.</summary>
    public string User { get; }

    /// <summary>Whether the server was asked for (by a connection or <see cref="PrepareAsync"/>).</summary>
    public bool Started => started.IsValueCreated;

    /// <summary>
    /// The URL of a database to be made with <paramref name="state"/> on first need. Plan every database before
    /// anything can connect (as <see cref="FakeWorld.StartAsync"/> does): one planned after the start is refused.
    /// </summary>
    public string Plan(string label, DatabaseState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var name = FakePostgres.NewDatabaseName(label);
        lock (planned)
        {
            if (started.IsValueCreated)
            {
                throw new InvalidOperationException("the databases were started already: plan every database before the first need");
            }

            planned.Add((name, state));
        }

        var port = ((IPEndPoint)forwarder.LocalEndpoint).Port;
        return FakePostgres.Url(User, password, "127.0.0.1", port, name);
    }

    /// <summary>A URL with the same credentials that no server answers.</summary>
    public string Unreachable(string label) => FakePostgres.UnreachableUrl(User, password, label);

    /// <summary>Starts the server and makes the databases (once); the answer is why they could not be had, or null.</summary>
    public async Task<string?> PrepareAsync(CancellationToken cancellationToken = default) =>
        (await started.Value.WaitAsync(cancellationToken).ConfigureAwait(false)).Error;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        forwarder.Dispose();
        await accepting.ConfigureAwait(false);
        if (started.IsValueCreated && await started.Value.ConfigureAwait(false) is { Server: { } server })
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }

        stopping.Dispose();
    }

    private async Task<(FakePostgres? Server, string? Error)> StartAsync()
    {
        FakePostgres? server = null;
        try
        {
            server = options.ExistingServer is { } existing
                ? FakePostgres.Attach(existing)
                : await FakePostgres.StartAsync(options.Image, options.DockerEndpoint, password, stopping.Token).ConfigureAwait(false);
            List<(string Name, DatabaseState State)> all;
            lock (planned)
            {
                all = [.. planned];
            }

            foreach (var (name, state) in all)
            {
                await server.CreateNamedDatabaseAsync(name, state, stopping.Token).ConfigureAwait(false);
            }

            return (server, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }

            return (null, FakeDatabaseErrors.Describe(e, options));
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var client = await forwarder.AcceptTcpClientAsync(stopping.Token).ConfigureAwait(false);
                _ = Task.Run(() => ForwardAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    // One connection: the server is started for it if it was not yet, then bytes go both ways until either side ends.
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "RaxxPreflight",
        "RXP0003:Checklist code makes no mutating HTTP call",
        Justification = "The fakes' forwarder connects to the fakes' own database server; production is never reachable from here."
    )]
    private async Task ForwardAsync(TcpClient client)
    {
        using var closing = client;
        try
        {
            var (server, _) = await started.Value.WaitAsync(stopping.Token).ConfigureAwait(false);
            if (server is null)
            {
                return;
            }

            var (host, port) = server.Address;
            using var upstream = new TcpClient { NoDelay = true };
            await upstream.ConnectAsync(host, port, stopping.Token).ConfigureAwait(false);
            client.NoDelay = true;
            using var ends = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            var down = client.GetStream();
            var up = upstream.GetStream();
            await Task.WhenAny(down.CopyToAsync(up, ends.Token), up.CopyToAsync(down, ends.Token)).ConfigureAwait(false);
            await ends.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // A side went away: the connection ends, as it would at a real server.
        }
    }
}
