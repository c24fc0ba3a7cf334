using System.Text.RegularExpressions;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Documentation;

/// <summary>
/// The walkthrough's list of places (docs/adding-an-item.md) is the code's: each place exists, and no file outside
/// the tests names its item but those it lists (no side table an item must be copied into).
/// </summary>
public partial class AddingAnItemTests
{
    private const string Example = CheckIds.StripeKeysLive;
    private static readonly string[] Roots = ["checks", "fakes", ".config", ".github"];

    [Fact]
    public void Every_place_the_walkthrough_lists_exists()
    {
        Places().ShouldNotBeEmpty();
        foreach (var place in Places())
        {
            File.Exists(Path.Combine(Repo.Root, place)).ShouldBeTrue($"docs/adding-an-item.md lists {place}, which does not exist");
        }
    }

    [Fact]
    public void No_file_outside_the_tests_names_the_example_item_but_the_places_the_walkthrough_lists()
    {
        // Its id by name (CheckIds.StripeKeysLive) or as a quoted literal: a declaration or a side table, not a comment.
        var names = new[] { "CheckIds.StripeKeysLive", $"\"{Example}\"" };
        var sources = Roots
            .Select(d => Path.Combine(Repo.Root, d))
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(Repo.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => !f.StartsWith("checks/RaxxPreflight.Tests/", StringComparison.Ordinal))
            .Where(f => !f.StartsWith("checks/RaxxPreflight.Analyzers.Tests/", StringComparison.Ordinal))
            .Where(f =>
                f.EndsWith(".cs", StringComparison.Ordinal)
                || f.EndsWith(".json", StringComparison.Ordinal)
                || f.EndsWith(".yml", StringComparison.Ordinal)
            );

        var naming = sources.Where(f => names.Any(File.ReadAllText(Path.Combine(Repo.Root, f)).Contains)).Order(StringComparer.Ordinal);

        naming.ShouldBe(Places().Where(naming.Contains).Order(StringComparer.Ordinal));
        naming.ShouldBe(["checks/RaxxPreflight.Checks/PreDeploy/StripeKeysLiveCheck.cs", "checks/Vocabulary/CheckIds.cs"]);
    }

    private static IReadOnlyList<string> Places()
    {
        var page = File.ReadAllText(Path.Combine(Repo.Root, "docs", "adding-an-item.md"));
        var list = page[
            page.IndexOf("<!-- places -->", StringComparison.Ordinal)..page.IndexOf("<!-- end of places -->", StringComparison.Ordinal)
        ];
        return [.. Place().Matches(list).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"^- `([^`]+)`", RegexOptions.Multiline)]
    private static partial Regex Place();
}
