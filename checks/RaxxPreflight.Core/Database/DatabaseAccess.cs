namespace RaxxPreflight.Database;

/// <summary>How a run reaches its databases.</summary>
/// <param name="RequireTls">TLS on every connection (always for Heroku Postgres; off only for local fakes).</param>
/// <param name="Unavailable">Why the databases cannot be reached at all (the fakes' need Docker), or null.</param>
public sealed record DatabaseAccess(bool RequireTls, string? Unavailable);
