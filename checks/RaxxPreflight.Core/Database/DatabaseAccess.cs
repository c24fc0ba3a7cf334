namespace RaxxPreflight.Database;

/// <summary>How a run reaches its databases.</summary>
/// <param name="RequireTls">TLS on every connection (always for Heroku Postgres; off only for local fakes).</param>
/// <param name="Prepare">
/// Readies the databases before the first connection and says why they cannot be had, or null (the fakes start
/// their server on first need); none for live databases, which are there.
/// </param>
public sealed record DatabaseAccess(bool RequireTls, Func<CancellationToken, Task<string?>>? Prepare = null);
