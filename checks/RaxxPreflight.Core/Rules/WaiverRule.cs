using RaxxPreflight.Configuration;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Rules;

/// <summary>What the waivers of one item made of its findings.</summary>
/// <param name="Kept">The findings no live waiver covers: they fail or warn as before.</param>
/// <param name="Waived">Each finding a live waiver covers, with that waiver.</param>
/// <param name="Expired">Each finding whose only waivers have expired, with the newest of them: it fails the item.</param>
/// <param name="Unused">The item's waivers that matched no finding: they are rotting, and say so.</param>
public sealed record WaiverOutcome(
    IReadOnlyList<FindingData> Kept,
    IReadOnlyList<(FindingData Finding, Waiver Waiver)> Waived,
    IReadOnlyList<(FindingData Finding, Waiver Waiver)> Expired,
    IReadOnlyList<Waiver> Unused
)
{
    /// <summary>Nothing waived, nothing expired, nothing unused.</summary>
    public static WaiverOutcome None(IReadOnlyList<FindingData> findings) => new(findings, [], [], []);

    /// <summary>Every finding is covered by a live waiver: the item is waived, neither failed nor warned.</summary>
    public bool AllWaived => Waived.Count > 0 && Kept.Count == 0 && Expired.Count == 0;
}

/// <summary>
/// Owns the judgement of waivers: a finding is waived when a waiver of the same item names its subject and has not
/// expired (the day of expiry still counts); a finding whose waivers have all expired fails the item, naming them;
/// a waiver that matches no finding is unused. Only findings can be waived: an item that could not be checked never
/// reaches this rule, and a waiver matches a finding by the name it is about, never by a value.
/// </summary>
public static class WaiverRule
{
    /// <summary>Applies <paramref name="waivers"/> (all of the config's: those of other items are ignored) to the findings of <paramref name="checkId"/>.</summary>
    public static WaiverOutcome Apply(string checkId, IReadOnlyList<FindingData> findings, IReadOnlyList<Waiver> waivers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(waivers);
        var mine = waivers.Where(w => string.Equals(w.CheckId, checkId, StringComparison.Ordinal)).ToList();
        if (mine.Count == 0)
        {
            return WaiverOutcome.None(findings);
        }

        var kept = new List<FindingData>();
        var waived = new List<(FindingData, Waiver)>();
        var expired = new List<(FindingData, Waiver)>();
        var used = new HashSet<Waiver>();
        foreach (var finding in findings)
        {
            var matching = mine.Where(w => string.Equals(w.Subject, finding.Subject, StringComparison.Ordinal)).ToList();
            used.UnionWith(matching);
            if (matching.FirstOrDefault(w => w.LiveOn(today)) is { } live)
            {
                waived.Add((finding, live));
            }
            else if (matching.Count > 0)
            {
                expired.Add((finding, matching.MaxBy(w => w.Expires)!));
            }
            else
            {
                kept.Add(finding);
            }
        }

        return new WaiverOutcome(kept, waived, expired, [.. mine.Where(w => !used.Contains(w))]);
    }
}
