using System.Text.Json;
using System.Text.RegularExpressions;

namespace RaxxPreflight.Configuration;

/// <summary>One JSON object of the config, which names its own path in every error.</summary>
internal sealed partial class ConfigNode(JsonElement element, string path, string source)
{
    private readonly JsonElement element = element;

    // The fields the loader asked for (every field it knows here), and the objects it read below this one.
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);
    private readonly List<ConfigNode> children = [];

    /// <summary>
    /// Fails on the first field the loader never asked for (a misspelling such as <c>healthURL</c>, a stray key),
    /// naming its path, the field it may have meant, and the fields known there. Call once the whole config is read.
    /// </summary>
    public void RejectUnknown(params string[] allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (asked.Contains(property.Name) || allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                continue;
            }

            var meant =
                asked.FirstOrDefault(a => string.Equals(a, property.Name, StringComparison.OrdinalIgnoreCase))
                ?? asked.FirstOrDefault(a => LooksLike(a, property.Name));
            throw Error(
                property.Name,
                $"is not a known field{(meant is null ? string.Empty : $" (did you mean '{meant}'?)")}; the fields here are {string.Join(", ", asked.Order(StringComparer.Ordinal))}"
            );
        }

        foreach (var child in children)
        {
            child.RejectUnknown();
        }
    }

    public ConfigNode Object(string field)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error(field, $"must be an object, found {Describe(value)}");
        }

        var child = new ConfigNode(value, Path(field), source);
        children.Add(child);
        return child;
    }

    /// <summary>Every field here is known (a map whose keys are names, read field by field elsewhere).</summary>
    public void AcceptAll()
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                asked.Add(property.Name);
            }
        }
    }

    /// <summary>Whether the field is given (present and not null).</summary>
    public bool Has(string field) => Present(field, out _);

    public IReadOnlyList<string>? OptionalNames(string field) => Present(field, out _) ? Names(field) : null;

    public ConfigNode? OptionalObject(string field) => Present(field, out _) ? Object(field) : null;

    /// <summary>An optional array of objects: each element a node of its own (<c>field[i]</c>), checked for unknown keys too.</summary>
    public IReadOnlyList<ConfigNode> OptionalObjects(string field)
    {
        if (!Present(field, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"must be an array of objects, found {Describe(value)}");
        }

        var nodes = new List<ConfigNode>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw Error($"{field}[{index}]", $"must be an object, found {Describe(item)}");
            }

            var child = new ConfigNode(item, Path($"{field}[{index}]"), source);
            children.Add(child);
            nodes.Add(child);
            index++;
        }

        return nodes;
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    public DateOnly Date(string field)
    {
        var text = String(field);
        return DateOnly.TryParseExact(
            text,
            "yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None,
            out var date
        )
            ? date
            : throw Error(field, $"must be a date written yyyy-MM-dd, found \"{text}\"");
    }

    /// <summary>An optional array of regular expressions, each compiled here so that a bad one fails the load, naming it.</summary>
    public IReadOnlyList<Regex> OptionalPatterns(string field)
    {
        if (!Present(field, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"must be an array of regular expressions, found {Describe(value)}");
        }

        var patterns = new List<Regex>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(item.GetString()))
            {
                throw Error($"{field}[{index}]", $"must be a non-empty regular expression, found {Describe(item)}");
            }

            try
            {
                patterns.Add(new Regex(item.GetString()!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)));
            }
            catch (ArgumentException e)
            {
                throw Error($"{field}[{index}]", $"is not a regular expression ({e.Message.Split('\n')[0].Trim()})");
            }

            index++;
        }

        return patterns;
    }

    public string String(string field)
    {
        var value = Required(field);
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw Error(field, $"must be a non-empty string, found {Describe(value)}");
    }

    public string? OptionalString(string field) => Present(field, out _) ? String(field) : null;

    public string VarName(string field)
    {
        var name = String(field);
        return VarNamePattern().IsMatch(name)
            ? name
            : throw Error(field, $"must be a config var name such as STRIPE_API_KEY, found \"{name}\"");
    }

    public double PositiveNumber(string field)
    {
        var value = Required(field);
        return value.ValueKind == JsonValueKind.Number && value.GetDouble() > 0
            ? value.GetDouble()
            : throw Error(field, $"must be a positive number, found {Describe(value)}");
    }

    public Uri? OptionalHttpUrl(string field)
    {
        if (!Present(field, out var value))
        {
            return null;
        }

        return
            value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw Error(field, $"must be an absolute http(s) URL or null, found {Describe(value)}");
    }

    public IReadOnlyList<string> Names(string field)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"must be an array of config var names, found {Describe(value)}");
        }

        var names = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !VarNamePattern().IsMatch(item.GetString()!))
            {
                throw Error($"{field}[{index}]", $"must be a config var name such as STRIPE_API_KEY, found {Describe(item)}");
            }

            names.Add(item.GetString()!);
            index++;
        }

        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<string> Identifiers(string field)
    {
        var value = Required(field);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error(field, $"must be an array of names, found {Describe(value)}");
        }

        var names = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw Error($"{field}[{index}]", $"must be a non-empty name, found {Describe(item)}");
            }

            names.Add(item.GetString()!);
            index++;
        }

        return names;
    }

    public IReadOnlyDictionary<string, VarKind> Kinds(string field)
    {
        var node = Object(field);
        var kinds = new Dictionary<string, VarKind>(StringComparer.Ordinal);
        foreach (var property in node.element.EnumerateObject())
        {
            // A map: its keys are var names, each one known.
            node.asked.Add(property.Name);
            if (!VarNamePattern().IsMatch(property.Name))
            {
                throw node.Error(property.Name, "is not a config var name such as STRIPE_API_KEY");
            }

            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : string.Empty;
            kinds[property.Name] = VarKinds.TryParse(text, out var kind)
                ? kind
                : throw node.Error(property.Name, $"must be one of {string.Join(", ", VarKinds.Names)}, found {Describe(property.Value)}");
        }

        return kinds;
    }

    /// <summary>A map of HTTP header names to the environment variables that hold their values.</summary>
    public IReadOnlyList<ProbeHeader> Headers(string field)
    {
        var node = Object(field);
        var headers = new List<ProbeHeader>();
        foreach (var property in node.element.EnumerateObject())
        {
            node.asked.Add(property.Name);
            if (!HeaderNamePattern().IsMatch(property.Name))
            {
                throw node.Error(property.Name, "is not an HTTP header name such as CF-Access-Client-Id");
            }

            var variable = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : string.Empty;
            headers.Add(
                VarNamePattern().IsMatch(variable)
                    ? new ProbeHeader(property.Name, variable)
                    : throw node.Error(
                        property.Name,
                        // What was found is not quoted: a string here may be the secret itself, pasted by mistake.
                        $"must name the environment variable that holds the header's value (such as CF_ACCESS_CLIENT_SECRET), found {(property.Value.ValueKind == JsonValueKind.String ? "a string that is not one (not shown: it may be the secret itself)" : Describe(property.Value))}; the value itself never goes in the config"
                    )
            );
        }

        return headers;
    }

    public PreflightConfigException Error(string field, string problem) => new($"config {source}: field {Path(field)} {problem}");

    // A required field that is missing may be there under a misspelled name: the error names both.
    private JsonElement Required(string field)
    {
        if (Present(field, out var value))
        {
            return value;
        }

        var misspelled = Misspelling(field);
        throw Error(field, misspelled is null ? "is missing" : $"is missing (found '{misspelled}': a misspelling of '{field}'?)");
    }

    /// <summary>A field here that looks like <paramref name="field"/> but is not it (<c>servces</c>), or null.</summary>
    public string? Misspelling(string field) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => name != field && LooksLike(field, name))
            : null;

    // The same name but for case, or for one or two letters changed, added, dropped or swapped (names of four or more).
    private static bool LooksLike(string known, string found)
    {
        if (string.Equals(known, found, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (known.Length < 4 || Math.Abs(known.Length - found.Length) > 2)
        {
            return false;
        }

        var (a, b) = (known.ToUpperInvariant(), found.ToUpperInvariant());
        var d = new int[a.Length + 1][];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i] = new int[b.Length + 1];
            d[i][0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0][j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i][j] = Math.Min(Math.Min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i][j] = Math.Min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }

        return d[a.Length][b.Length] <= 2;
    }

    // Every field the loader looks at is one it knows: recorded here, so that RejectUnknown can tell the rest.
    private bool Present(string field, out JsonElement value)
    {
        asked.Add(field);
        return element.TryGetProperty(field, out value) && value.ValueKind != JsonValueKind.Null;
    }

    /// <summary>A Heroku app name: 3 to 30 lower-case letters, digits and dashes, starting with a letter.</summary>
    public string AppName(string field)
    {
        var name = String(field);
        return AppNamePattern().IsMatch(name)
            ? name
            : throw Error(
                field,
                $"must be a Heroku app name (3 to 30 lower-case letters, digits and dashes, starting with a letter), found \"{name}\""
            );
    }

    private string Path(string field) => path.Length == 0 ? field : $"{path}.{field}";

    private static string Describe(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.String => $"\"{value.GetString()}\"",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.Null => "null",
            _ => value.GetRawText(),
        };

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex VarNamePattern();

    [GeneratedRegex("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")]
    private static partial Regex HeaderNamePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{1,28}[a-z0-9]$")]
    private static partial Regex AppNamePattern();
}
