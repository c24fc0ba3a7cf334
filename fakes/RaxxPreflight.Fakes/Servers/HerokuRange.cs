using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>One item of a Heroku list: its JSON and the values it can be ranged by.</summary>
/// <param name="Json">The item as served.</param>
/// <param name="Keys">Sort keys by field name (<c>id</c>, <c>name</c>, <c>version</c>...).</param>
internal sealed record HerokuListItem(JsonObject Json, IReadOnlyDictionary<string, IComparable> Keys);

/// <summary>
/// Heroku's list paging: <c>Range: &lt;field&gt; [start]..[end]; max=N, order=asc|desc</c>, parsed loosely as
/// clients write it (either order of max and order, comma or semicolon). A page shorter than the list
/// answers 206 with the <c>Next-Range</c> to send back.
/// </summary>
internal static partial class HerokuRange
{
    private const int DefaultMax = 200;
    private const int Limit = 1000;

    public static HerokuAnswer Page(IReadOnlyList<HerokuListItem> items, string? range, string defaultField)
    {
        var spec = Parse(range, defaultField);
        if (spec is null)
        {
            return new HerokuAnswer(400, HerokuFake.Error("bad_request", $"Invalid Range header: {range}"));
        }

        var (field, start, exclusive, max, descending) = spec.Value;
        if (items.Count > 0 && !items[0].Keys.ContainsKey(field))
        {
            return new HerokuAnswer(400, HerokuFake.Error("bad_request", $"Invalid Range header: {field} is not a valid range field"));
        }

        var ordered = descending ? items.OrderByDescending(i => i.Keys[field]).ToList() : items.OrderBy(i => i.Keys[field]).ToList();
        if (start is not null)
        {
            ordered = ordered
                .SkipWhile(i =>
                {
                    var c = Compare(i.Keys[field], start);
                    c = descending ? -c : c;
                    return exclusive ? c <= 0 : c < 0;
                })
                .ToList();
        }

        var page = ordered.Take(max).ToList();
        var body = new JsonArray([.. page.Select(i => (JsonNode)i.Json.DeepClone())]).ToJsonString();
        string Key(HerokuListItem item) => Convert.ToString(item.Keys[field], CultureInfo.InvariantCulture)!;
        var contentRange = page.Count == 0 ? $"{field} ..; max={max}" : $"{field} {Key(page[0])}..{Key(page[^1])}; max={max}";
        var acceptRanges = string.Join(", ", items.Count > 0 ? items[0].Keys.Keys : [defaultField]);
        if (ordered.Count <= max)
        {
            return new HerokuAnswer(200, body) { ContentRange = contentRange, AcceptRanges = acceptRanges };
        }

        return new HerokuAnswer(206, body, $"{field} ]{Key(page[^1])}..; max={max}, order={(descending ? "desc" : "asc")}")
        {
            ContentRange = contentRange,
            AcceptRanges = acceptRanges,
        };
    }

    private static (string Field, string? Start, bool Exclusive, int Max, bool Descending)? Parse(string? range, string defaultField)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            return (defaultField, null, false, DefaultMax, false);
        }

        var match = RangePattern().Match(range.Trim());
        if (!match.Success)
        {
            return null;
        }

        var max = DefaultMax;
        var descending = false;
        foreach (
            var option in match
                .Groups["options"]
                .Value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        )
        {
            var pair = option.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0] == "max" && int.TryParse(pair[1], CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                max = Math.Min(n, Limit);
            }
            else if (pair.Length == 2 && pair[0] == "order" && pair[1] is "asc" or "desc")
            {
                descending = pair[1] == "desc";
            }
            else
            {
                return null;
            }
        }

        var start = match.Groups["start"].Value;
        return (match.Groups["field"].Value, start.Length == 0 ? null : start, match.Groups["exclusive"].Success, max, descending);
    }

    private static int Compare(IComparable key, string start) =>
        key switch
        {
            int n => n.CompareTo(int.Parse(start, CultureInfo.InvariantCulture)),
            _ => string.CompareOrdinal(Convert.ToString(key, CultureInfo.InvariantCulture), start),
        };

    [GeneratedRegex(@"^(?<field>[a-z_]+)\s+(?<exclusive>\])?(?<start>[^.;\s]*)\.\.(?<end>[^;,\s]*)\s*[;,]?\s*(?<options>.*)$")]
    private static partial Regex RangePattern();
}
