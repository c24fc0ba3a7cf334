using System.Text.RegularExpressions;

namespace RaxxPreflight.Rules;

/// <summary>
/// A job's <c>if:</c> read as GitHub evaluates it for a gate: a conjunction of comparisons of dispatch
/// inputs with literals. A condition with <c>||</c> or <c>!</c> at its top gates nothing for certain,
/// so it requires nothing.
/// </summary>
internal sealed partial class GateCondition
{
    private readonly List<(string Input, string Operator, string Value)> clauses = [];

    public static GateCondition Parse(string? text)
    {
        var condition = new GateCondition();
        if (string.IsNullOrWhiteSpace(text))
        {
            return condition;
        }

        var expression = text.Trim();
        if (expression.StartsWith("${{", StringComparison.Ordinal) && expression.EndsWith("}}", StringComparison.Ordinal))
        {
            expression = expression[3..^2];
        }

        expression = StripOuterParentheses(expression.Trim());
        if (expression.Contains("||", StringComparison.Ordinal))
        {
            return condition;
        }

        foreach (var part in expression.Split("&&"))
        {
            var match = Comparison().Match(StripOuterParentheses(part.Trim()));
            if (match.Success)
            {
                condition.clauses.Add((match.Groups["input"].Value, match.Groups["op"].Value, match.Groups["value"].Value));
            }
        }

        return condition;
    }

    public bool Requires(string input, string op, string value) =>
        clauses.Any(c =>
            string.Equals(c.Input, input, StringComparison.OrdinalIgnoreCase)
            && c.Operator == op
            && string.Equals(c.Value, value, StringComparison.Ordinal)
        );

    private static string StripOuterParentheses(string text)
    {
        while (text.Length > 1 && text[0] == '(' && text[^1] == ')' && Balanced(text[1..^1]))
        {
            text = text[1..^1].Trim();
        }

        return text;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth +=
                c == '(' ? 1
                : c == ')' ? -1
                : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    // inputs.x, github.event.inputs.x, either side of the literal.
    [GeneratedRegex(
        @"^(?:(?:github\.event\.)?inputs\.(?<input>[A-Za-z_][\w-]*)\s*(?<op>==|!=)\s*'(?<value>[^']*)'|'(?<value>[^']*)'\s*(?<op>==|!=)\s*(?:github\.event\.)?inputs\.(?<input>[A-Za-z_][\w-]*))$"
    )]
    private static partial Regex Comparison();
}
