using System.Globalization;
using System.Text;

namespace RaxxPreflight.Rules.Workflows;

/// <summary>
/// A GitHub Actions expression (<c>github.event_name == 'push' &amp;&amp; inputs.confirm == 'x'</c>), parsed: literals,
/// context paths (<c>github.event.inputs.confirm</c>, <c>inputs['confirm']</c>), <c>!</c>, comparisons, <c>&amp;&amp;</c>,
/// <c>||</c>, parentheses and function calls. https://docs.github.com/actions/reference/evaluate-expressions-in-workflows-and-actions
/// </summary>
public abstract record Expression
{
    /// <summary>Parses <paramref name="text"/>, with or without its <c>${{ }}</c>.</summary>
    /// <exception cref="FormatException">It is not an expression this parser reads.</exception>
    public static Expression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = text.Trim();
        if (
            source.StartsWith("${{", StringComparison.Ordinal)
            && source.EndsWith("}}", StringComparison.Ordinal)
            && source.IndexOf("${{", 3, StringComparison.Ordinal) < 0
        )
        {
            source = source[3..^2];
        }
        else if (source.Contains("${{", StringComparison.Ordinal))
        {
            // Text with expressions inside it is a string, always truthy when non-empty: GitHub evaluates it so.
            throw new FormatException($"'{text}' mixes text and expressions");
        }

        var parser = new Parser(Tokenize(source));
        var expression = parser.Or();
        return parser.AtEnd ? expression : throw new FormatException($"unexpected '{parser.Peek}' in '{text}'");
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\'')
            {
                var value = new StringBuilder("'");
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException($"unclosed string in '{text}'");
                    }

                    if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        value.Append('\'');
                        i += 2;
                    }
                    else if (text[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        value.Append(text[i++]);
                    }
                }

                tokens.Add(value.ToString());
            }
            else if (i + 1 < text.Length && text.Substring(i, 2) is "==" or "!=" or "&&" or "||" or "<=" or ">=")
            {
                tokens.Add(text.Substring(i, 2));
                i += 2;
            }
            else if ("()[],!<>.".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '-' or '*')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-' or '*'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                throw new FormatException($"unexpected '{c}' in '{text}'");
            }
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens)
    {
        private int position;

        public bool AtEnd => position >= tokens.Count;

        public string Peek => AtEnd ? "(end)" : tokens[position];

        public Expression Or()
        {
            var left = And();
            while (Accept("||"))
            {
                left = new BinaryExpression("||", left, And());
            }

            return left;
        }

        private Expression And()
        {
            var left = Comparison();
            while (Accept("&&"))
            {
                left = new BinaryExpression("&&", left, Comparison());
            }

            return left;
        }

        private Expression Comparison()
        {
            var left = Unary();
            foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
            {
                if (Accept(op))
                {
                    return new BinaryExpression(op, left, Unary());
                }
            }

            return left;
        }

        private Expression Unary() => Accept("!") ? new NotExpression(Unary()) : Primary();

        private Expression Primary()
        {
            if (AtEnd)
            {
                throw new FormatException("the expression ends too soon");
            }

            var token = tokens[position++];
            if (token == "(")
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            if (token.StartsWith('\''))
            {
                return new LiteralExpression(token[1..]);
            }

            if (token is "true" or "false")
            {
                return new LiteralExpression(token == "true" ? "true" : string.Empty, IsBoolean: true);
            }

            if (token == "null")
            {
                return new LiteralExpression(string.Empty);
            }

            if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                return new LiteralExpression(token);
            }

            if (!char.IsLetter(token[0]) && token[0] != '_')
            {
                throw new FormatException($"unexpected '{token}'");
            }

            if (Accept("("))
            {
                var arguments = new List<Expression>();
                if (!Accept(")"))
                {
                    do
                    {
                        arguments.Add(Or());
                    } while (Accept(","));

                    Expect(")");
                }

                return new CallExpression(token.ToUpperInvariant(), arguments);
            }

            var path = new List<string> { token };
            while (true)
            {
                if (Accept("."))
                {
                    path.Add(tokens[position++]);
                }
                else if (Accept("["))
                {
                    var index = tokens[position++];
                    path.Add(index.StartsWith('\'') ? index[1..] : index);
                    Expect("]");
                }
                else
                {
                    break;
                }
            }

            return new PathExpression([.. path]);
        }

        private bool Accept(string token)
        {
            if (!AtEnd && tokens[position] == token)
            {
                position++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (!Accept(token))
            {
                throw new FormatException($"expected '{token}', found '{Peek}'");
            }
        }
    }
}

/// <summary>A string, number or boolean literal.</summary>
/// <param name="Value">Its text (a boolean's <c>true</c>, or empty for false).</param>
/// <param name="IsBoolean">True for <c>true</c>/<c>false</c>.</param>
public sealed record LiteralExpression(string Value, bool IsBoolean = false) : Expression;

/// <summary>A context path: <c>github.event.inputs.confirm</c>.</summary>
/// <param name="Parts">Its parts.</param>
public sealed record PathExpression(IReadOnlyList<string> Parts) : Expression
{
    /// <summary><c>github.event.inputs.confirm</c>.</summary>
    public override string ToString() => string.Join('.', Parts);
}

/// <summary><c>!x</c>.</summary>
/// <param name="Operand">x.</param>
public sealed record NotExpression(Expression Operand) : Expression;

/// <summary><c>a op b</c>.</summary>
/// <param name="Operator"><c>==</c>, <c>!=</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>&lt;</c>...</param>
/// <param name="Left">a.</param>
/// <param name="Right">b.</param>
public sealed record BinaryExpression(string Operator, Expression Left, Expression Right) : Expression;

/// <summary><c>name(arguments)</c>.</summary>
/// <param name="Name">The function, upper case.</param>
/// <param name="Arguments">Its arguments.</param>
public sealed record CallExpression(string Name, IReadOnlyList<Expression> Arguments) : Expression;
