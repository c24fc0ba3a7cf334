using System.Globalization;

namespace RaxxPreflight.Settling;

/// <summary>One observation while waiting: when (since the wait began) and what was seen.</summary>
/// <param name="At">Time since the wait began.</param>
/// <param name="Observed">What was seen, in words.</param>
public sealed record Attempt(TimeSpan At, string Observed)
{
    /// <summary><c>starting (10s)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Observed} ({At.TotalSeconds:0.#}s)");
}
