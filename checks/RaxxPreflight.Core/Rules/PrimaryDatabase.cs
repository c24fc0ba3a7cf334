using RaxxPreflight.Heroku;

namespace RaxxPreflight.Rules;

/// <summary>
/// Which Postgres add-on an app runs on: the one attached as <c>DATABASE</c> (whose attachment sets
/// <c>DATABASE_URL</c>, the URL the database items connect to), never the first one listed. Followers,
/// analytics databases and the new database of an upgrade are other add-ons, seen but not compared.
/// </summary>
/// <param name="Primary">The add-on attached as DATABASE; null when there is none, or more than one.</param>
/// <param name="Others">Every other add-on of the service, with the names it is attached as.</param>
/// <param name="Problem">Why there is no primary to compare (none attached as DATABASE, or several); null when there is one.</param>
public sealed record PrimaryDatabase(
    HerokuAddon? Primary,
    IReadOnlyList<(HerokuAddon Addon, IReadOnlyList<string> AttachedAs)> Others,
    string? Problem
)
{
    /// <summary>The attachment name whose config var the app connects with.</summary>
    public const string Attachment = "DATABASE";

    /// <summary>Finds the primary among <paramref name="addons"/> of <paramref name="service"/> by <paramref name="attachments"/>.</summary>
    public static PrimaryDatabase Find(IReadOnlyList<HerokuAddon> addons, IReadOnlyList<HerokuAttachment> attachments, string service)
    {
        ArgumentNullException.ThrowIfNull(addons);
        ArgumentNullException.ThrowIfNull(attachments);
        var candidates = addons
            .Where(a => string.Equals(a.AddonService?.Name, service, StringComparison.Ordinal) && a.State != "deprovisioned")
            .ToList();
        IReadOnlyList<string> AttachedAs(HerokuAddon addon) =>
            [
                .. attachments
                    .Where(t => t.Addon is { } target && (target.Id is not null && target.Id == addon.Id || target.Name == addon.Name))
                    .Select(t => t.Namespace is null ? t.Name : $"{t.Name} ({t.Namespace})")
                    .Order(StringComparer.Ordinal),
            ];

        // A namespaced attachment (role:analytics) sets no DATABASE_URL the app reads: only a plain one counts.
        var primaries = candidates
            .Where(a =>
                attachments.Any(t =>
                    t.Name == Attachment
                    && t.Namespace is null
                    && t.Addon is { } target
                    && (target.Id is not null && target.Id == a.Id || target.Name == a.Name)
                )
            )
            .ToList();
        var primary = primaries.Count == 1 ? primaries[0] : null;
        var others = candidates.Where(a => a != primary).Select(a => (a, AttachedAs(a))).ToList();
        var problem = primaries.Count switch
        {
            1 => null,
            0 when candidates.Count == 0 => $"no {service} add-on at all",
            0 => $"none of its {candidates.Count} {service} add-on{(candidates.Count == 1 ? " is" : "s is")} attached as {Attachment}",
            _ =>
                $"{primaries.Count} {service} add-ons are attached as {Attachment} ({string.Join(", ", primaries.Select(p => p.Name))}): a misconfiguration, not a pick",
        };
        return new PrimaryDatabase(primary, others, problem);
    }

    /// <summary>Each add-on not compared, in words: <c>postgresql-x on essential-0, attached as HEROKU_POSTGRESQL_RED</c>.</summary>
    public IEnumerable<string> OthersInWords =>
        Others.Select(o =>
            $"{o.Addon.Name} on {Plan(o.Addon)}, {(o.AttachedAs.Count == 0 ? "not attached" : $"attached as {string.Join(", ", o.AttachedAs)}")}"
        );

    /// <summary>An add-on's plan, or <c>(no plan)</c>.</summary>
    public static string Plan(HerokuAddon addon)
    {
        ArgumentNullException.ThrowIfNull(addon);
        return addon.Plan?.Name ?? "(no plan)";
    }
}
