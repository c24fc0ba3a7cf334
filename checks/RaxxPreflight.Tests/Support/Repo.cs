using System.Reflection;

namespace RaxxPreflight.Tests.Support;

/// <summary>Where things are: the repository, the shared contracts beside it, the built checklist.</summary>
internal static class Repo
{
    public static string Root => Metadata("RepoRoot");

    public static string ChecksAssembly => Metadata("ChecksAssembly");

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
