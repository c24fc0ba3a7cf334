using RaxxPreflight.Fakes.Databases;

[assembly: AssemblyFixture(typeof(RaxxPreflight.Tests.Support.SharedPostgres))]

namespace RaxxPreflight.Tests.Support;

/// <summary>
/// One Postgres server for the whole test run (Testcontainers, the image <c>PREFLIGHT_POSTGRES_IMAGE</c> names):
/// every checklist process the self-tests start puts its scenario's databases on it, one per app and run.
/// </summary>
public sealed class SharedPostgres : IAsyncLifetime
{
    private static FakePostgres? server;

    /// <summary>Why the server did not start, if it did not.</summary>
    public static string? Error { get; private set; }

    /// <summary>The server's admin connection string, for <c>PREFLIGHT_FAKES_POSTGRES</c>.</summary>
    public static string? ConnectionString => server?.AdminConnectionString;

    /// <summary>The server itself, for tests that seed databases in this process.</summary>
    public static FakePostgres Server => server ?? throw new InvalidOperationException($"no Postgres server for the tests: {Error}");

    /// <summary>Fakes whose databases go on this server (a test's fakes in this process).</summary>
    public static FakeDatabaseOptions Options => new(Image, Server.AdminConnectionString);

    /// <summary>The image the tests' server runs.</summary>
    public static string Image =>
        Environment.GetEnvironmentVariable(Settings.PostgresImage) is { Length: > 0 } image ? image : "postgres:16";

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        try
        {
            server = await FakePostgres.StartAsync(Image, null, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Reported by each test that needs the server: a run without Docker fails those, it never passes them.
            Error = $"{e.GetType().Name}: {e.Message.Split('\n')[0]}";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
