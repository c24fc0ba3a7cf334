using System.Reflection;

namespace RaxxPreflight.Tests.Support;

/// <summary>Where things are: the repository, the shared contracts beside it, the built checklist.</summary>
internal static class Repo
{
    public static string Root => Metadata("RepoRoot");

    /// <summary>
    /// Names the checklist app the self-tests run, instead of the build's output: <c>run-tests.sh</c> points it at the one
    /// <c>run-preflight.sh --build</c> published ReadyToRun, as operators run it (its child runs then cost a fifth less
    /// CPU than the build's, which the JIT compiles in every child).
    /// </summary>
    public const string ChecksAppVariable = "RAXX_PREFLIGHT_SELFTEST_APP";

    /// <summary>The checklist app the self-tests run: <see cref="ChecksAppVariable"/>'s, else the build's output.</summary>
    public static string ChecksAssembly { get; } =
        Environment.GetEnvironmentVariable(ChecksAppVariable) is { Length: > 0 } published
            ? File.Exists(published)
                ? published
                : throw new FileNotFoundException($"{ChecksAppVariable} names {published}, which does not exist", published)
            : Metadata("ChecksAssembly");

    public static string DefaultConfig => Path.Combine(Root, ".config", "preflight.json");

    /// <summary>../shared, beside the repository, as every developer and CI run has it.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Contract(string file)
    {
        var path = Path.Combine(Shared, "api-contracts", file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"the official API contract {file} is not at {path}: the tests read ../shared beside the repository, as CI lays it out",
                path
            );
    }

    private static string Metadata(string key) =>
        typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
