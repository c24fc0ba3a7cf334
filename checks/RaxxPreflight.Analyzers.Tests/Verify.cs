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

    /// <summary>Runs the analyzer over <paramref name="source"/> against real libraries' metadata (no stubs): what the rule sees in the build.</summary>
    public static Task AgainstAsync(string source, IEnumerable<Type> libraries, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = RuntimeReferences.None };
        test.TestState.AdditionalReferences.AddRange(RuntimeReferences.All);
        foreach (var library in libraries)
        {
            test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(library.Assembly.Location));
        }

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
        "System.Data.Common.dll",
        "System.Text.Json.dll",
        "System.Text.Encodings.Web.dll",
        "System.Memory.dll",
        "System.Diagnostics.Process.dll",
        "System.Net.Sockets.dll",
        "System.ComponentModel.Primitives.dll",
        "System.ComponentModel.dll",
        "System.Transactions.Local.dll",
        "Microsoft.Extensions.Logging.Abstractions.dll",
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
