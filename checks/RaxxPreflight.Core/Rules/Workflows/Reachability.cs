namespace RaxxPreflight.Rules.Workflows;

/// <summary>Whether a condition holds: for sure, not at all, or it depends on what the model does not know.</summary>
public enum Truth
{
    /// <summary>It cannot hold.</summary>
    False,

    /// <summary>It holds.</summary>
    True,

    /// <summary>It may hold.</summary>
    Maybe,
}

/// <summary>
/// One way a workflow can be started, as a condition sees it: the event, and what the confirm input may be.
/// Everything the model does not know (the ref, the actor, other inputs, vars) may be anything.
/// </summary>
/// <param name="Event">The event name (<c>push</c>, <c>workflow_dispatch</c>...).</param>
/// <param name="HasInputs">True when the event carries inputs (<c>workflow_dispatch</c>, <c>workflow_call</c>).</param>
/// <param name="ConfirmInput">The confirm input's name.</param>
/// <param name="Phrase">The confirm phrase.</param>
/// <param name="WithoutPhrase">True to assume the confirm input is anything but the phrase; false to let it be anything.</param>
public sealed record Start(string Event, bool HasInputs, string ConfirmInput, string Phrase, bool WithoutPhrase)
{
    /// <summary>The start of <paramref name="workflow"/> by <paramref name="trigger"/>, with its choice inputs' options.</summary>
    public static Start Of(Workflow workflow, Trigger trigger, string confirmInput, string phrase, bool withoutPhrase)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(trigger);
        return new(trigger.Event, trigger.HasInputs, confirmInput, phrase, withoutPhrase) { Choices = workflow.Options };
    }

    /// <summary>The options of the workflow's choice inputs: what an input not bound can be, where a value is asked for.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Choices { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Inputs given a value (a choice input set to one of its options); the others may be anything.</summary>
    public IReadOnlyDictionary<string, string> Bound { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="condition"/> (a job's or step's <c>if:</c>) can hold when the workflow starts so.</summary>
    public Truth Holds(Expression condition) => Truthy(Evaluate(condition));

    /// <summary>
    /// Whether <paramref name="expression"/>'s value can be <paramref name="text"/> (case-insensitive, as GitHub compares):
    /// <c>inputs.environment == 'production' &amp;&amp; 'raxx-api-prod' || 'raxx-api-staging'</c> can be raxx-api-prod
    /// from a dispatch, never from a push.
    /// </summary>
    /// <param name="expression">The expression.</param>
    /// <param name="text">The value asked about.</param>
    /// <param name="unknown">What an expression that may be anything (<c>secrets.APP</c>, <c>vars.APP</c>) answers.</param>
    public Truth CanBe(Expression expression, string text, Truth unknown = Truth.Maybe)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return Among(Possible(expression), text, unknown);
    }

    /// <summary>
    /// Whether a text made of literals and expressions (<c>raxx-api-${{ inputs.environment }}</c>) can be
    /// <paramref name="text"/>; <paramref name="unknown"/> when a part may be anything.
    /// </summary>
    public Truth CanBe(IReadOnlyList<(string Literal, Expression? Expression)> parts, string text, Truth unknown = Truth.Maybe) =>
        Among(PossibleTexts(parts), text, unknown);

    private static Truth Among(List<string>? values, string text, Truth unknown) =>
        values is null ? unknown
        : !values.Contains(text, StringComparer.OrdinalIgnoreCase) ? Truth.False
        : values.Count == 1 ? Truth.True
        : Truth.Maybe;

    // The values an expression can take, or null when it may be anything. `a && b` is a when a is falsy, else b;
    // `a || b` is a when a is truthy, else b (GitHub's operators return an operand, not a boolean).
    private List<string>? Possible(Expression expression)
    {
        switch (expression)
        {
            case BinaryExpression { Operator: "&&" } and:
                return Truthy(Evaluate(and.Left)) switch
                {
                    Truth.False => Falsy(and.Left),
                    Truth.True => Possible(and.Right),
                    _ => Union(Falsy(and.Left), Possible(and.Right)),
                };
            case BinaryExpression { Operator: "||" } or:
                return Truthy(Evaluate(or.Left)) switch
                {
                    Truth.True => Possible(or.Left),
                    Truth.False => Possible(or.Right),
                    _ => Union(Possible(or.Left), Possible(or.Right)),
                };
            case CallExpression { Name: "FORMAT", Arguments.Count: > 0 } format:
                return Format(format);
            default:
                return Evaluate(expression) switch
                {
                    Known known => [known.Text],
                    _ when expression is BinaryExpression or NotExpression => ["true", string.Empty],
                    _ when expression is PathExpression path && ChoiceOf(path) is { } options => [.. options],
                    _ => null,
                };
        }
    }

    // The values a text with expressions in it can take, or null when one of them may be anything; at most 64.
    private List<string>? PossibleTexts(IReadOnlyList<(string Literal, Expression? Expression)> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        List<string> texts = [string.Empty];
        foreach (var (literal, expression) in parts)
        {
            var values = expression is null ? [literal] : Possible(expression);
            if (values is null)
            {
                return null;
            }

            texts = [.. texts.SelectMany(t => values.Select(v => t + v)).Distinct(StringComparer.OrdinalIgnoreCase).Take(64)];
        }

        return texts;
    }

    // format('raxx-api-{0}', inputs.environment): each value the arguments can take, in the string's places.
    private List<string>? Format(CallExpression format)
    {
        if (format.Arguments[0] is not LiteralExpression { Value: var pattern })
        {
            return null;
        }

        var parts = new List<(string, Expression?)>();
        var at = 0;
        foreach (System.Text.RegularExpressions.Match place in System.Text.RegularExpressions.Regex.Matches(pattern, @"\{(\d+)\}"))
        {
            var index = int.Parse(place.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1;
            if (index >= format.Arguments.Count)
            {
                return null;
            }

            parts.Add((pattern[at..place.Index], null));
            parts.Add((string.Empty, format.Arguments[index]));
            at = place.Index + place.Length;
        }

        parts.Add((pattern[at..], null));
        return PossibleTexts(parts);
    }

    // The options of a choice input the path names, when it is not bound and the start carries inputs.
    private IReadOnlyList<string>? ChoiceOf(PathExpression path) =>
        InputName(path) is { } input && HasInputs && !Bound.ContainsKey(input) && Choices.TryGetValue(input, out var options)
            ? options
            : null;

    // The input a path names (inputs.x, github.event.inputs.x), upper-cased; null for any other path.
    private static string? InputName(PathExpression path) =>
        path.Parts.Select(p => p.ToUpperInvariant()).ToList() switch
        {
            ["INPUTS", var name] => name,
            ["GITHUB", "EVENT", "INPUTS", var name] => name,
            _ => null,
        };

    // A falsy operand's value: what it can be, short of anything truthy; an unknown one is some falsy value.
    private List<string> Falsy(Expression expression) =>
        Possible(expression) is { } values ? [.. values.Where(v => Truthy(new Known(v)) == Truth.False)] : [string.Empty];

    private static List<string>? Union(List<string>? left, List<string>? right) =>
        left is null || right is null ? null : [.. left.Concat(right).Distinct(StringComparer.OrdinalIgnoreCase)];

    private abstract record Value;

    private sealed record Known(string Text) : Value;

    private sealed record Anything : Value;

    private sealed record NotThePhrase : Value;

    private static readonly Value Any = new Anything();

    private Value Evaluate(Expression expression) =>
        expression switch
        {
            LiteralExpression literal => new Known(literal.Value),
            PathExpression path => Lookup(path),
            NotExpression not => Bool(Negate(Truthy(Evaluate(not.Operand)))),
            BinaryExpression { Operator: "&&" } and => Bool(And(Truthy(Evaluate(and.Left)), Truthy(Evaluate(and.Right)))),
            BinaryExpression { Operator: "||" } or => Bool(Or(Truthy(Evaluate(or.Left)), Truthy(Evaluate(or.Right)))),
            BinaryExpression { Operator: "==" } equal => Bool(Equal(Evaluate(equal.Left), Evaluate(equal.Right))),
            BinaryExpression { Operator: "!=" } unequal => Bool(Negate(Equal(Evaluate(unequal.Left), Evaluate(unequal.Right)))),
            BinaryExpression => Any,
            CallExpression call => Function(call),
            _ => Any,
        };

    private Value Lookup(PathExpression path)
    {
        var parts = path.Parts.Select(p => p.ToUpperInvariant()).ToList();
        if (parts is ["GITHUB", "EVENT_NAME"])
        {
            return new Known(Event);
        }

        // inputs.x, github.event.inputs.x: the confirm input is what the start says; others may be anything.
        if (InputName(path) is not { } input)
        {
            return Any;
        }

        if (!HasInputs)
        {
            return new Known(string.Empty);
        }

        if (Bound.TryGetValue(input, out var bound))
        {
            return new Known(bound);
        }

        return string.Equals(input, ConfirmInput, StringComparison.OrdinalIgnoreCase) && WithoutPhrase ? new NotThePhrase() : Any;
    }

    private Value Function(CallExpression call) =>
        call.Name switch
        {
            // The paths that matter are the ones where what came before succeeded.
            "SUCCESS" or "ALWAYS" => Bool(Truth.True),
            "FAILURE" or "CANCELLED" => Bool(Truth.False),
            "CONTAINS" or "STARTSWITH" or "ENDSWITH" when call.Arguments.Count == 2 => Text(call),
            _ => Any,
        };

    private Value Text(CallExpression call)
    {
        if (Evaluate(call.Arguments[0]) is Known haystack && Evaluate(call.Arguments[1]) is Known needle)
        {
            var holds = call.Name switch
            {
                "CONTAINS" => haystack.Text.Contains(needle.Text, StringComparison.OrdinalIgnoreCase),
                "STARTSWITH" => haystack.Text.StartsWith(needle.Text, StringComparison.OrdinalIgnoreCase),
                _ => haystack.Text.EndsWith(needle.Text, StringComparison.OrdinalIgnoreCase),
            };
            return Bool(holds ? Truth.True : Truth.False);
        }

        return Any;
    }

    // GitHub compares strings case-insensitively.
    private Truth Equal(Value left, Value right) =>
        (left, right) switch
        {
            (Known a, Known b) => string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase) ? Truth.True : Truth.False,
            (NotThePhrase, Known b) => IsPhrase(b),
            (Known a, NotThePhrase) => IsPhrase(a),
            _ => Truth.Maybe,
        };

    private Truth IsPhrase(Known value) =>
        string.Equals(value.Text, Phrase, StringComparison.OrdinalIgnoreCase) ? Truth.False : Truth.Maybe;

    private static Truth Truthy(Value value) =>
        value switch
        {
            Known known => known.Text.Length > 0 && known.Text != "0" && known.Text != "false" ? Truth.True : Truth.False,
            _ => Truth.Maybe,
        };

    private static Value Bool(Truth truth) =>
        truth switch
        {
            Truth.True => new Known("true"),
            Truth.False => new Known(string.Empty),
            _ => Any,
        };

    private static Truth Negate(Truth truth) =>
        truth switch
        {
            Truth.True => Truth.False,
            Truth.False => Truth.True,
            _ => Truth.Maybe,
        };

    private static Truth And(Truth left, Truth right) =>
        left == Truth.False || right == Truth.False ? Truth.False
        : left == Truth.True && right == Truth.True ? Truth.True
        : Truth.Maybe;

    private static Truth Or(Truth left, Truth right) =>
        left == Truth.True || right == Truth.True ? Truth.True
        : left == Truth.False && right == Truth.False ? Truth.False
        : Truth.Maybe;
}
