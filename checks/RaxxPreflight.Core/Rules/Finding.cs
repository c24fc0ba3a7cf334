namespace RaxxPreflight.Rules;

/// <summary>
/// One thing wrong, in words that hold no secret, and the command that fixes it: as a rule finds it, as a waiver
/// names it (by its subject), and as a result carries it (the JSON report's <c>findings</c>).
/// </summary>
/// <param name="Subject">What it is about: a config var's name, a job, an extension.</param>
/// <param name="Problem">What is wrong and what was found.</param>
/// <param name="Fix">The exact command or step that fixes it, when there is one.</param>
public sealed record Finding(string Subject, string Problem, string? Fix)
{
    /// <inheritdoc />
    public override string ToString() => $"{Subject}: {Problem}";
}
