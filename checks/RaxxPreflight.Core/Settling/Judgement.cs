namespace RaxxPreflight.Settling;

/// <summary>What one observation of a settling deploy says.</summary>
/// <param name="Kind">Whether the state holds, may still change, or has settled wrong.</param>
/// <param name="Problem">Why it does not hold yet, or why it never will.</param>
public readonly record struct Judgement(JudgementKind Kind, string? Problem)
{
    /// <summary>The state holds.</summary>
    public static Judgement Holds { get; } = new(JudgementKind.Holds, null);

    /// <summary>Not yet: the deploy may still be settling.</summary>
    public static Judgement NotYet(string problem) => new(JudgementKind.NotYet, problem);

    /// <summary>A terminal bad state (a crashed dyno, a failed release): waiting longer will not help.</summary>
    public static Judgement Terminal(string problem) => new(JudgementKind.Terminal, problem);
}

/// <summary>The kinds of <see cref="Judgement"/>.</summary>
public enum JudgementKind
{
    /// <summary>The state holds.</summary>
    Holds,

    /// <summary>Not yet.</summary>
    NotYet,

    /// <summary>Settled wrong.</summary>
    Terminal,
}
