using System.Globalization;
using System.Text.Json.Serialization;
using RaxxPreflight.Rules;

namespace RaxxPreflight.Reporting;

/// <summary>
/// One checklist item's result, as data: what the rule found, what the item saw, and what fixes it. The checks
/// write it, the runner prints it and every report is built from it; nothing is read back out of text.
/// </summary>
/// <param name="CheckId">The item's stable id.</param>
/// <param name="Phase">PreDeploy or PostDeploy.</param>
/// <param name="Title">The checklist line.</param>
/// <param name="Status">Pass, warn, fail or not checked.</param>
/// <param name="Reason">One line: why it failed or warns, or how a wait held; null for a plain pass.</param>
/// <param name="Findings">Each thing wrong: subject, problem, and the command that fixes it.</param>
/// <param name="Found">What was found, a line each (the findings among them).</param>
/// <param name="Fixes">The exact commands or steps that fix it, in order, each once.</param>
/// <param name="Evidence">What the item saw, masked.</param>
/// <param name="Attempts">For an item that waits for the deploy to settle: every look, oldest first.</param>
/// <param name="Seconds">How long the item took.</param>
public sealed record CheckResult(
    string CheckId,
    string Phase,
    string Title,
    CheckStatus Status,
    string? Reason,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Found,
    IReadOnlyList<string> Fixes,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<Attempt> Attempts,
    double Seconds
)
{
    /// <summary>The service the item checked; null for a run whose config could not say which.</summary>
    [JsonPropertyOrder(-1)]
    public string? Service { get; init; }

    /// <summary>What tells this result from every other of the run: the service and the item.</summary>
    [JsonIgnore]
    public string Key => KeyOf(Service, CheckId);

    /// <summary>The key of <paramref name="checkId"/> for <paramref name="service"/>: <c>raxx-api/stripe-keys-live</c>, or the id alone.</summary>
    public static string KeyOf(string? service, string checkId) => service is null ? checkId : $"{service}/{checkId}";

    /// <summary>The waivers this item met: applied to a finding, expired (which failed it), or unused.</summary>
    public IReadOnlyList<WaiverUse> Waivers { get; init; } = [];

    /// <summary>True when the item failed or could not be checked.</summary>
    [JsonIgnore]
    public bool Failed => Status is CheckStatus.Fail or CheckStatus.NotChecked;

    /// <summary>An item that ran but left no result: a defect in the checklist, and a failure, never a pass.</summary>
    public static CheckResult Missing(string checkId, string phase, string title, string why) =>
        new(checkId, phase, title, CheckStatus.NotChecked, why, [], [], [], [], [], 0);

    /// <summary>The lines an operator reads under the item: what was found (a wait's looks among it), then the fixes.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Details
    {
        get
        {
            var lines = new List<string>();
            if (Found.Count > 0)
            {
                lines.Add("Found:");
                lines.AddRange(Found.Select(f => $"  {f}"));
            }

            if (Fixes.Count > 0)
            {
                lines.Add("Fix:");
                lines.AddRange(Fixes.Select(f => $"  {f}"));
            }

            return lines;
        }
    }
}

/// <summary>How an item used one of the config's waivers (the waiver itself is <c>Configuration.Waiver</c>).</summary>
/// <param name="Subject">What the finding it names is about.</param>
/// <param name="Reason">Why it was accepted.</param>
/// <param name="Owner">Who answers for it.</param>
/// <param name="Expires">Its last day, <c>yyyy-MM-dd</c>.</param>
/// <param name="State">What it did.</param>
public sealed record WaiverUse(string Subject, string Reason, string Owner, string Expires, WaiverState State);

/// <summary>What a waiver did for an item; the JSON spelling is the word the reports print.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WaiverState>))]
public enum WaiverState
{
    /// <summary>It covered a finding.</summary>
    [JsonStringEnumMemberName("applied")]
    Applied,

    /// <summary>It was past its date: its finding failed the item.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,

    /// <summary>No finding matched it.</summary>
    [JsonStringEnumMemberName("unused")]
    Unused,
}

/// <summary>The words of the closed sets the reports print, one spelling each (the JSON's).</summary>
public static class Spelling
{
    /// <summary><c>pass</c>, <c>warn</c>, <c>waived</c>, <c>fail</c>, <c>not-checked</c>.</summary>
    public static string Word(this CheckStatus status) =>
        status switch
        {
            CheckStatus.Pass => "pass",
            CheckStatus.Warn => "warn",
            CheckStatus.Waived => "waived",
            CheckStatus.NotChecked => "not-checked",
            CheckStatus.NotApplicable => "not-applicable",
            _ => "fail",
        };

    /// <summary><c>applied</c>, <c>expired</c>, <c>unused</c>.</summary>
    public static string Word(this WaiverState state) =>
        state switch
        {
            WaiverState.Applied => "applied",
            WaiverState.Expired => "expired",
            _ => "unused",
        };
}

/// <summary>One look of a wait (an attempt): when (seconds since the wait began) and what was seen.</summary>
/// <param name="At">Seconds since the wait began.</param>
/// <param name="Observed">What was seen, in words.</param>
public sealed record Attempt(double At, string Observed)
{
    /// <summary><c>starting (10s)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Observed} ({At:0.#}s)");

    /// <summary>The looks as one line: <c>starting (0s) -> up (5s)</c>, the middle elided when long.</summary>
    public static string Record(IReadOnlyList<Attempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        const int keep = 12;
        var shown =
            attempts.Count <= keep
                ? attempts.Select(a => a.ToString())
                : attempts
                    .Take(keep / 2)
                    .Select(a => a.ToString())
                    .Append($"... {attempts.Count - keep} more ...")
                    .Concat(attempts.TakeLast(keep / 2).Select(a => a.ToString()));
        return string.Join(" -> ", shown);
    }
}
