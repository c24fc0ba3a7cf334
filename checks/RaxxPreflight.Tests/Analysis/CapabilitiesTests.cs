using System.Reflection;
using System.Xml.Linq;
using RaxxPreflight.Secrets;
using RaxxPreflight.Tests.Support;

namespace RaxxPreflight.Tests.Analysis;

/// <summary>
/// Capabilities before analyzers: the facts cannot write what they cannot reach. SecretValue gives its raw value to
/// no code outside Core, and the facts' project bans every network client, database command, process, socket and
/// reflection entry point, each ban naming a symbol that exists (a misspelt ban bans nothing).
/// </summary>
public class CapabilitiesTests
{
    private static readonly string Bans = Path.Combine(Repo.Root, "checks", "RaxxPreflight.Checks", "BannedSymbols.Facts.txt");

    [Fact]
    public void A_secret_value_shows_code_outside_core_only_its_mask()
    {
        var visible = typeof(SecretValue)
            .GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m =>
                m switch
                {
                    MethodInfo method => method.ReturnType == typeof(string) || method.ReturnType == typeof(ReadOnlySpan<char>),
                    PropertyInfo property => property.PropertyType == typeof(string) || property.PropertyType == typeof(char[]),
                    FieldInfo field => field.FieldType == typeof(string),
                    _ => false,
                }
            )
            .Select(m => m.Name)
            .Where(n => !n.StartsWith("get_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        visible.ShouldBe(["Masked", "ToString"]);
        typeof(SecretValue).GetMethod("Reveal", BindingFlags.NonPublic | BindingFlags.Instance)!.IsAssembly.ShouldBeTrue();
        new SecretValue("sk_live_51HdBq2AbCdEfGhIjKlMnOpQr").ToString().ShouldBe("sk_live_****OpQr");
    }

    [Fact]
    public void The_facts_project_loads_its_bans()
    {
        var project = XDocument.Load(Path.Combine(Repo.Root, "checks", "RaxxPreflight.Checks", "RaxxPreflight.Checks.csproj"));

        var additional = project.Descendants("AdditionalFiles").Select(e => (string?)e.Attribute("Include")).ToList();
        additional.ShouldContain("BannedSymbols.Facts.txt");
        additional.ShouldContain("..\\BannedSymbols.txt");
        project
            .Descendants("PackageReference")
            .Select(e => (string?)e.Attribute("Include"))
            .ShouldContain("Microsoft.CodeAnalysis.BannedApiAnalyzers");
    }

    [Fact]
    public void Every_ban_of_the_facts_names_a_symbol_that_exists_and_says_why()
    {
        // The assemblies whose types the bans name, loaded so that their types can be found by name.
        Assembly[] assemblies =
        [
            typeof(HttpClient).Assembly,
            typeof(System.Net.WebClient).Assembly,
            typeof(System.Net.WebRequest).Assembly,
            typeof(System.Net.Sockets.Socket).Assembly,
            typeof(System.Net.Sockets.TcpClient).Assembly,
            typeof(System.Diagnostics.Process).Assembly,
            typeof(Flurl.Http.FlurlClient).Assembly,
            typeof(Octokit.GitHubClient).Assembly,
            typeof(Npgsql.NpgsqlConnection).Assembly,
            typeof(object).Assembly,
            typeof(Type).Assembly,
        ];
        Type? Find(string name) => assemblies.Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);

        var lines = File.ReadAllLines(Bans).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        lines.Count.ShouldBeGreaterThan(20);
        foreach (var line in lines)
        {
            var (symbol, why) = (line.Split(';', 2)[0], line.Split(';', 2).ElementAtOrDefault(1));
            why.ShouldNotBeNullOrWhiteSpace($"{symbol} says why it is banned");
            if (symbol.StartsWith("T:", StringComparison.Ordinal))
            {
                Find(symbol[2..]).ShouldNotBeNull($"{symbol} names no type");
            }
            else
            {
                symbol.ShouldStartWith("M:");
                var name = symbol[2..].Split('(')[0];
                var type = Find(name[..name.LastIndexOf('.')]).ShouldNotBeNull($"{symbol} names no type");
                type.GetMember(name[(name.LastIndexOf('.') + 1)..]).ShouldNotBeEmpty($"{symbol} names no member");
            }
        }

        foreach (
            var capability in new[]
            {
                "System.Net.Http.HttpClient",
                "Octokit.GitHubClient",
                "Npgsql.NpgsqlCommand",
                "System.Diagnostics.Process",
                "System.Net.Sockets.Socket",
            }
        )
        {
            lines.ShouldContain(l => l.StartsWith($"T:{capability};", StringComparison.Ordinal));
        }
    }
}
