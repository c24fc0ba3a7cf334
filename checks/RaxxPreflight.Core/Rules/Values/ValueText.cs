namespace RaxxPreflight.Rules.Values;

/// <summary>
/// What whitespace around a value does: a value pasted from a file or set through Terraform's <c>file()</c>
/// carries a newline the service's own parser does not forgive, and .NET's <c>$</c> and <c>Uri</c> would.
/// </summary>
public static class ValueText
{
    /// <summary>The whitespace problem of <paramref name="text"/>, named as such; null when it has none.</summary>
    public static string? WhitespaceProblem(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return null;
        }

        var end = text[^1] switch
        {
            '\n' => "ends with a newline",
            '\r' => "ends with a carriage return",
            ' ' or '\t' => "ends with a space",
            _ => null,
        };
        if (end is not null)
        {
            return $"{end}: set it without one";
        }

        if (char.IsWhiteSpace(text[0]))
        {
            return "starts with whitespace: set it without";
        }

        return text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? "holds a line break: set it on one line"
            : null;
    }
}
