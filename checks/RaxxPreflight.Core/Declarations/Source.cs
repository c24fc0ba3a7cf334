namespace RaxxPreflight.Declarations;

/// <summary>A service an item reads: a fault of it must be reported by the item, in its own words.</summary>
[Flags]
public enum Source
{
    /// <summary>Reads nothing (no item does).</summary>
    None = 0,

    /// <summary>The Heroku Platform API.</summary>
    Heroku = 1,

    /// <summary>The GitHub REST API.</summary>
    GitHub = 2,

    /// <summary>The Stripe API.</summary>
    Stripe = 4,

    /// <summary>An app's health endpoint, through its router.</summary>
    Health = 8,

    /// <summary>An app's Postgres database, in a read-only session.</summary>
    Postgres = 16,

    /// <summary>An app's log stream (Heroku's log sessions, logplex).</summary>
    Logs = 32,
}
