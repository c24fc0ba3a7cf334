namespace RaxxPreflight.Fakes.Scenarios;

/// <summary>What an app's database holds in a scenario: a real Postgres database is seeded with it.</summary>
/// <param name="Extensions">The extensions installed (besides plpgsql).</param>
/// <param name="Tables">Each table's columns, as <c>name type</c>.</param>
/// <param name="Reachable">False when the app's DATABASE_URL should point at a server that is not there.</param>
public sealed record DatabaseState(
    IReadOnlyList<string> Extensions,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Tables,
    bool Reachable = true
)
{
    /// <summary>raxx-queue's schema after its migrations, with the extensions it uses.</summary>
    public static DatabaseState Queue { get; } =
        new(
            ["pgcrypto", "citext", "pg_trgm"],
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                ["queues"] = ["name citext primary key", "paused boolean not null default false"],
                ["jobs"] =
                [
                    "id bigserial primary key",
                    "queue citext not null",
                    "payload jsonb not null",
                    "run_at timestamptz not null",
                    "attempts int not null default 0",
                ],
                ["billing_events"] =
                [
                    "id uuid primary key default gen_random_uuid()",
                    "stripe_event_id text not null",
                    "received_at timestamptz not null",
                ],
            }
        );
}
