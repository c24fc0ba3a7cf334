namespace RaxxPreflight.Fakes.Databases;

/// <summary>Where the fakes' databases go.</summary>
/// <param name="Image">The image of a server of their own (Testcontainers).</param>
/// <param name="ExistingServer">An admin connection string of a server already running, used instead when set.</param>
/// <param name="DockerEndpoint">The engine to use (DOCKER_HOST) when one is named: then no other is tried.</param>
public sealed record FakeDatabaseOptions(string Image, string? ExistingServer, Uri? DockerEndpoint = null);
