using System.Text.Json;
using System.Text.Json.Nodes;

namespace RaxxPreflight.Tests.Support;

/// <summary>
/// Just enough JSON Schema (as the Heroku hyper-schema and GitHub's OpenAPI description use it) to hold a
/// fake's answer against the official contract: types (with null), required fields, properties, items,
/// $ref, anyOf/oneOf/allOf. With <c>everyProperty</c>, each property the schema defines must be present.
/// </summary>
internal sealed class SchemaCheck(JsonNode document, bool everyProperty)
{
    public static SchemaCheck Load(string path, bool everyProperty) => new(JsonNode.Parse(File.ReadAllText(path))!, everyProperty);

    public JsonNode Resolve(string pointer) =>
        pointer.TrimStart('#', '/').Split('/').Select(Unescape).Aggregate(document, (node, part) => node[part]!);

    public IReadOnlyList<string> Problems(JsonNode? value, string schemaPointer)
    {
        var problems = new List<string>();
        Check(value, Resolve(schemaPointer), "$", problems, depth: 0);
        return problems;
    }

    private void Check(JsonNode? value, JsonNode schema, string path, List<string> problems, int depth)
    {
        if (depth > 12)
        {
            return;
        }

        if (schema["$ref"] is JsonValue reference)
        {
            Check(value, Resolve(reference.GetValue<string>()), path, problems, depth + 1);
            return;
        }

        foreach (var combinator in new[] { "anyOf", "oneOf" })
        {
            if (schema[combinator] is JsonArray options)
            {
                var matches = options.Count(o =>
                {
                    var p = new List<string>();
                    Check(value, o!, path, p, depth + 1);
                    return p.Count == 0;
                });
                if (matches == 0)
                {
                    problems.Add($"{path}: matches none of {combinator}");
                }

                return;
            }
        }

        if (schema["allOf"] is JsonArray all)
        {
            foreach (var part in all)
            {
                Check(value, part!, path, problems, depth + 1);
            }

            return;
        }

        var kind = KindOf(value);
        var types = Types(schema);
        if (types.Count > 0 && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
        {
            problems.Add($"{path}: is {kind}, the contract says {string.Join("|", types)}");
            return;
        }

        if (value is JsonObject obj)
        {
            foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
            {
                if (!obj.ContainsKey(name))
                {
                    problems.Add($"{path}.{name}: required by the contract, missing");
                }
            }

            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (name, propertySchema) in properties)
                {
                    if (obj.TryGetPropertyValue(name, out var child))
                    {
                        Check(child, propertySchema!, $"{path}.{name}", problems, depth + 1);
                    }
                    else if (everyProperty && depth == 0)
                    {
                        problems.Add($"{path}.{name}: defined by the contract, missing");
                    }
                }
            }
        }
        else if (value is JsonArray array && schema["items"] is JsonNode items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", problems, depth + 1);
            }
        }
    }

    private static List<string> Types(JsonNode schema)
    {
        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => t!.GetValue<string>()).ToList(),
            JsonValue one => [one.GetValue<string>()],
            _ => [],
        };
        if (types.Count > 0 && schema["nullable"] is JsonValue nullable && nullable.GetValue<bool>())
        {
            types.Add("null");
        }

        return types;
    }

    private static string KindOf(JsonNode? value) =>
        value switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                JsonValueKind.Number => v.ToJsonString().Contains('.', StringComparison.Ordinal) ? "number" : "integer",
                _ => "null",
            },
            _ => "unknown",
        };

    private static string Unescape(string part) =>
        Uri.UnescapeDataString(part).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
