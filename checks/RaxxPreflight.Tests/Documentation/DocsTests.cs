using System.Text.RegularExpressions;
using RaxxPreflight.Reporting;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Documentation;

/// <summary>
/// The docs hold no hand-made copy of what the code declares: the checks table is the items' declarations, each item
/// has its section, the scenarios' table names the scenarios, every link leads somewhere, and README stays a front door.
/// </summary>
public partial class DocsTests
{
    private static readonly string[] FrontPages = ["README.md", "CONTRIBUTING.md"];

    private static string Read(params string[] path) => File.ReadAllText(Path.Combine([Repo.Root, .. path]));

    [Fact]
    public void The_checks_page_holds_the_table_the_items_declarations_make()
    {
        var page = Read("docs", "checks.md");
        var start = page.IndexOf(ChecklistTable.Start, StringComparison.Ordinal);
        var end = page.IndexOf(ChecklistTable.End, StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, "docs/checks.md has the generated table's start marker");
        end.ShouldBeGreaterThan(start, "docs/checks.md has the generated table's end marker after its start");

        page[(start + ChecklistTable.Start.Length)..end]
            .Trim()
            .ShouldBe(ChecklistTable.Markdown(Items.Catalog).Trim(), "regenerate it: ./run-preflight.sh list");
    }

    [Fact]
    public void The_checks_page_says_what_each_item_holds_to_and_nothing_of_items_that_are_not()
    {
        var page = Read("docs", "checks.md");
        var part = page[page.IndexOf("## What each item holds to", StringComparison.Ordinal)..];
        part = part[..part.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        Sections().Matches(part).Select(m => m.Groups[1].Value).ShouldBe(Items.Ids);
    }

    [Fact]
    public void The_scenarios_table_names_every_scenario_once_and_only_items_that_exist()
    {
        var rows = Read("docs", "fakes.md").Split('\n').Where(l => ScenarioRow().IsMatch(l)).ToList();

        rows.Select(r => ScenarioRow().Match(r).Groups[1].Value).ShouldBe(ScenarioNames.All, ignoreOrder: true);

        // A quoted name that reads like an item's (it starts as one does: prod-, staging-, postgres-...) is an item's.
        var starts = Items.Ids.Select(i => i[..(i.IndexOf('-', StringComparison.Ordinal) + 1)]).ToHashSet(StringComparer.Ordinal);
        var named = rows.SelectMany(r => Variable().Matches(r.Split('|')[3]).Select(m => m.Groups[1].Value));
        named
            .Where(n => starts.Any(s => n.StartsWith(s, StringComparison.Ordinal)) && !ScenarioNames.All.Contains(n))
            .ShouldAllBe(n => Items.Ids.Contains(n));
    }

    [Fact]
    public void README_is_a_front_door_the_two_commands_first_and_every_link_leads_to_a_file()
    {
        var readme = Read("README.md");
        readme.Split('\n').Length.ShouldBeLessThanOrEqualTo(150);
        readme.ShouldStartWith(
            "# RaxxPreflight\n\n```bash\n./run-preflight.sh pre-deploy --fakes blocked   # the checklist, on the embedded fakes of the seed's state\n./run-tests.sh  "
        );

        var pages = FrontPages.Concat(
            Directory
                .GetFiles(Path.Combine(Repo.Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Repo.Root, f))
        );
        foreach (var page in pages)
        {
            var folder = Path.GetDirectoryName(Path.Combine(Repo.Root, page))!;
            foreach (Match link in Link().Matches(Read(page)))
            {
                var target = link.Groups[1].Value;
                if (target.StartsWith("http", StringComparison.Ordinal) || target.StartsWith('#'))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(folder, target.Split('#')[0]));
                (File.Exists(path) || Directory.Exists(path)).ShouldBeTrue($"{page} links to {target}, which does not exist");
            }
        }
    }

    [Fact]
    public void The_settings_table_names_every_setting_an_operator_sets()
    {
        var page = Read("docs", "running.md");
        var rows = page.Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        var named = rows.SelectMany(r => Variable().Matches(r.Split('|')[1]).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        // PREFLIGHT_EVENTS and PREFLIGHT_PARENT_PIPE are the runner's own channels to a child run; GITHUB_* are GitHub
        // Actions' to set.
        var operators = Settings.All.Except([Settings.Events, Settings.ParentPipe, Settings.GitHubActions, Settings.GitHubStepSummary]);
        var missing = operators.Where(s => !named.Contains(s)).ToList();
        missing.ShouldBeEmpty($"docs/running.md's settings table misses {string.Join(", ", missing)}");
    }

    [Fact]
    public void The_analyzers_page_has_a_row_and_a_rule_page_for_every_rule_and_no_other()
    {
        var declared = Rule()
            .Matches(Read("checks", "RaxxPreflight.Analyzers", "Descriptors.cs"))
            .Select(m => m.Groups[1].Value)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var rows = Rule().Matches(Read("docs", "analyzers.md")).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal);
        var pages = Directory
            .GetFiles(Path.Combine(Repo.Root, "docs", "rules"), "RXP*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        declared.ShouldNotBeEmpty();
        rows.ShouldBe(declared);
        pages.ShouldBe(declared);
    }

    [GeneratedRegex(@"`([A-Z][A-Z0-9_]+)`")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(RXP\d{4})")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^### ([a-z0-9-]+)$", RegexOptions.Multiline)]
    private static partial Regex Sections();

    [GeneratedRegex(@"^\| `([a-z0-9-]+)` \|")]
    private static partial Regex ScenarioRow();

    [GeneratedRegex(@"`([a-z0-9-]+)`")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
