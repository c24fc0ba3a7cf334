using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using RaxxPreflight.Analyzers.CodeFixes;

namespace RaxxPreflight.Analyzers.Tests;

public class RXP0001CodeFixTests
{
    private const string Before = """
        using Xunit; using RaxxPreflight.Checks.Traits;
        public class ProdChecks
        {
            [Fact]
            [Check("prod-healthy")]
            public void {|RXP0001:Prod_is_healthy|}() { }
        }
        """;

    [Theory]
    [InlineData("PreDeploy")]
    [InlineData("PostDeploy")]
    public Task RXP0001_fix_adds_the_phase_trait_the_folder_implies(string folder)
    {
        var after = $$"""
            using Xunit; using RaxxPreflight.Checks.Traits;
            public class ProdChecks
            {
                [Fact]
                [Check("prod-healthy")]
                [Trait("Phase", "{{folder}}")]
                public void Prod_is_healthy() { }
            }
            """;
        return Run(Before, after, $"/checks/{folder}/ProdChecks.cs");
    }

    [Fact]
    public Task RXP0001_fix_is_not_offered_outside_a_phase_folder() => Run(Before, Before, "/checks/Misc/ProdChecks.cs");

    private static Task Run(string before, string after, string path)
    {
        var test = new CSharpCodeFixTest<ChecklistFactAnalyzer, AddPhaseCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = RuntimeReferences.None,
        };
        test.TestState.Sources.Add((path, before));
        test.TestState.Sources.Add(("/stubs/Stubs.cs", Stubs.Source));
        test.TestState.AdditionalReferences.AddRange(RuntimeReferences.All);
        test.FixedState.Sources.Add((path, after));
        test.FixedState.Sources.Add(("/stubs/Stubs.cs", Stubs.Source));
        test.FixedState.AdditionalReferences.AddRange(RuntimeReferences.All);
        if (before == after)
        {
            test.FixedState.MarkupHandling = MarkupMode.Allow;
        }

        return test.RunAsync(TestContext.Current.CancellationToken);
    }
}
