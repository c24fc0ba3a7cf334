using RaxxPreflight.Configuration;
using RaxxPreflight.Reporting;

namespace RaxxPreflight.Rules;

/// <summary>What the waivers of one item made of its findings.</summary>
/// <param name="Kept">The findings no live waiver covers: they fail or warn as before.</param>
/// <param name="Waived">Each finding a live waiver covers, with that waiver.</param>
/// <param name="Expired">Each finding whose only waivers have expired, with the newest of them: it fails the item.</param>
/// <param name="Unused">The item's waivers that matched no finding: they are rotting, and say so.</param>
public sealed record WaiverOutcome(
    IReadOnlyList<Finding> Kept,
    IReadOnlyList<(Finding Finding, Waiver Waiver)> Waived,
    IReadOnlyList<(Finding Finding, Waiver Waiver)> Expired,
    IReadOnlyList<Waiver> Unused
)
{
    /// <summary>Nothing waived, nothing expired, nothing unused.</summary>
    public static WaiverOutcome None(IReadOnlyList<Finding> findings) => new(findings, [], [], []);

    /// <summary>Every finding is covered by a live waiver: the item is waived, neither failed nor warned.</summary>
    public bool AllWaived => Waived.Count > 0 && Kept.Count == 0 && Expired.Count == 0;
}

/// <summary>An item's verdict on its findings once its waivers had their say.</summary>
/// <param name="Status">How it ends: as given, waived, or failed on an expired waiver.</param>
/// <param name="Summary">Its line.</param>
/// <param name="Found">What was found (waived findings among it, marked so).</param>
/// <param name="Fixes">The commands that fix what remains (renewing an expired waiver first).</param>
/// <param name="Findings">The findings it ends on (the waived ones, when it is waived).</param>
/// <param name="Met">Each waiver that met a finding, with what it did (<see cref="WaiverState.Applied"/>, <see cref="WaiverState.Expired"/>).</param>
public sealed record WaivedVerdict(
    CheckStatus Status,
    string Summary,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Fixes,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<(Waiver Waiver, WaiverState State)> Met
);

/// <summary>
/// Owns the judgement of waivers: a finding is waived when a waiver of the same item names its subject and has not
/// expired (the day of expiry still counts); a finding whose waivers have all expired fails the item, naming them;
/// a waiver that matches no finding is unused. Only findings can be waived: an item that could not be checked never
/// reaches this rule, and a waiver matches a finding by the name it is about, never by a value.
/// </summary>
public static class WaiverRule
{
    /// <summary>Applies <paramref name="waivers"/> (all of the config's: those of other items are ignored) to the findings of <paramref name="checkId"/>.</summary>
    public static WaiverOutcome Apply(string checkId, IReadOnlyList<Finding> findings, IReadOnlyList<Waiver> waivers, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(waivers);
        var mine = waivers.Where(w => string.Equals(w.CheckId, checkId, StringComparison.Ordinal)).ToList();
        if (mine.Count == 0)
        {
            return WaiverOutcome.None(findings);
        }

        var kept = new List<Finding>();
        var waived = new List<(Finding, Waiver)>();
        var expired = new List<(Finding, Waiver)>();
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

    /// <summary>
    /// The verdict of <paramref name="checkId"/> on <paramref name="findings"/> (a fail or a warn: <paramref name="status"/>,
    /// <paramref name="summary"/>) after <paramref name="waivers"/> had their say: every finding waived makes the item
    /// waived; a finding whose waiver expired fails it, naming the waiver; the rest fail or warn as given, the waived ones
    /// listed. <paramref name="foundAreFindings"/> says <paramref name="found"/> and <paramref name="fixes"/> were made from
    /// the findings (and are remade from those that remain, followed by <paramref name="context"/>).
    /// </summary>
    public static WaivedVerdict Judge(
        string checkId,
        CheckStatus status,
        string summary,
        IReadOnlyList<string> found,
        IReadOnlyList<string> fixes,
        IReadOnlyList<Finding> findings,
        bool foundAreFindings,
        IReadOnlyList<string>? context,
        IReadOnlyList<Waiver> waivers,
        DateOnly today
    )
    {
        var outcome = Apply(checkId, findings, waivers, today);
        if (outcome.Waived.Count == 0 && outcome.Expired.Count == 0)
        {
            return new WaivedVerdict(status, summary, found, fixes, findings, []);
        }

        var met = outcome
            .Waived.Select(w => (w.Waiver, WaiverState.Applied))
            .Concat(outcome.Expired.Select(e => (e.Waiver, WaiverState.Expired)))
            .ToList();
        var waivedLines = outcome.Waived.Select(w => $"waived: {w.Finding.Subject}: {w.Finding.Problem} {w.Waiver.Terms}").ToList();
        if (outcome.AllWaived)
        {
            var by = outcome.Waived.Select(w => w.Waiver).Distinct().Select(w => w.ToString());
            return new WaivedVerdict(
                CheckStatus.Waived,
                $"waived: {string.Join("; ", by)}",
                waivedLines,
                [],
                [.. outcome.Waived.Select(w => w.Finding)],
                met
            );
        }

        var remaining = outcome.Kept.Concat(outcome.Expired.Select(e => e.Finding)).ToList();
        var foundNow = foundAreFindings ? [.. remaining.Select(f => $"{f.Subject}: {f.Problem}"), .. context ?? []] : found.ToList();
        var fixesNow = foundAreFindings ? remaining.Select(f => f.Fix).OfType<string>().ToList() : [.. fixes];
        foundNow.AddRange(waivedLines);
        if (outcome.Expired.Count > 0)
        {
            var expired = outcome.Expired.Select(e => e.Waiver).Distinct().ToList();
            var words = string.Join(
                "; ",
                expired.Select(w =>
                    $"the waiver of {w.Subject} expired on {w.Expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)} (owner {w.Owner}: {w.Reason})"
                )
            );
            fixesNow.InsertRange(
                0,
                expired.Select(w =>
                    $"fix what it covered, or (with {w.Owner}'s consent) set a later \"expires\" on the waiver of {w.Subject} ({checkId}) in .config/preflight.json"
                )
            );
            return new WaivedVerdict(CheckStatus.Fail, $"{words}: {summary}", foundNow, fixesNow, remaining, met);
        }

        var subjects = string.Join(", ", outcome.Waived.Select(w => w.Finding.Subject).Distinct(StringComparer.Ordinal));
        return new WaivedVerdict(status, $"{summary} ({outcome.Waived.Count} waived: {subjects})", foundNow, fixesNow, remaining, met);
    }
}
