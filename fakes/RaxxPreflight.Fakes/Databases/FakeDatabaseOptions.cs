namespace RaxxPreflight.Fakes.Databases;

/// <summary>Where the fakes' databases go.</summary>
/// <param name="Image">The image of a server of their own (Testcontainers).</param>
/// <param name="ExistingServer">An admin connection string of a server already running, used instead when set.</param>
public sealed record FakeDatabaseOptions(string Image, string? ExistingServer);
