using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace RaxxPreflight.Analyzers.Tests;

/// <summary>Runs an analyzer over test code (with <c>[|...|]</c> markup) beside <see cref="Stubs"/>, against this runtime's assemblies.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = RuntimeReferences.None };

        // The framework checks suppression by adding a reasonless "#pragma warning disable" of the rule: which is
        // exactly what RXP0005 refuses, so that check does not apply to it.
        if (typeof(TAnalyzer) == typeof(SuppressionJustificationAnalyzer))
        {
            test.TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        }
        test.TestState.Sources.Add(("Stubs.cs", Stubs.Source));
        test.TestState.AdditionalReferences.AddRange(RuntimeReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(TestContext.Current.CancellationToken);
    }

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);
}

/// <summary>The running runtime's own assemblies as references: no download of reference packs.</summary>
internal static class RuntimeReferences
{
    private static readonly string[] Wanted =
    [
        "System.Private.CoreLib.dll",
        "System.Runtime.dll",
        "netstandard.dll",
        "System.Net.Http.dll",
        "System.Console.dll",
        "System.Collections.dll",
        "System.Linq.dll",
        "System.Threading.Tasks.dll",
        "System.Text.RegularExpressions.dll",
        "System.Net.Primitives.dll",
        "System.Private.Uri.dll",
    ];

    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static IReadOnlyList<MetadataReference> All { get; } =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Wanted.Contains(Path.GetFileName(path)))
            .Select(path => MetadataReference.CreateFromFile(path)),
    ];
}
