namespace RaxxPreflight.Analyzers.Tests;

public class RXP0001PhaseTests
{
    private const string Usings = "using Xunit; using RaxxPreflight.Checks.Traits;\n";

    [Fact]
    public Task RXP0001_Triggers_on_a_fact_without_a_phase() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class StagingChecks
                {
                    [Fact, Check("staging-healthy")]
                    public void {|RXP0001:Staging_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_a_theory_without_a_phase() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class StagingChecks
                {
                    [Theory, InlineData(1), Check("staging-healthy")]
                    public void {|RXP0001:Staging_is_healthy|}(int n) { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_a_phase_on_the_method_and_another_on_the_class() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PostDeploy]
                public class ProdChecks
                {
                    [Fact, PreDeploy, Check("prod-healthy")]
                    public void {|RXP0001:Prod_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_a_phase_trait_that_is_no_phase() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class ProdChecks
                {
                    [Fact, Trait("Phase", "Predeploy"), Check("prod-healthy")]
                    public void {|RXP0001:Prod_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_with_a_message_that_says_how_to_fix_it() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class StagingChecks
                {
                    [Fact, Check("staging-healthy")]
                    public void {|#0:Staging_is_healthy|}() { }
                }
                """,
            Verify<ChecklistFactAnalyzer>
                .Diagnostic(Descriptors.FactNeedsOnePhase)
                .WithLocation(0)
                .WithArguments("StagingChecks.Staging_is_healthy", "has no phase")
        );

    [Fact]
    public Task RXP0001_DoesNotTrigger_on_a_phase_on_the_method_or_its_class_or_a_phase_trait() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public class StagingChecks
                {
                    [Fact, Check("staging-healthy")]
                    public void Staging_is_healthy() { }

                    [Theory, InlineData(1), Check("staging-deployed")]
                    public void Staging_is_deployed(int n) { }
                }

                public class ProdChecks
                {
                    [Fact, PostDeploy, Check("prod-healthy")]
                    public void Prod_is_healthy() { }

                    [Fact, Trait("Phase", "PostDeploy"), Check("prod-up")]
                    public void Prod_is_up() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_a_phase_from_a_base_class_beside_the_derived_classs_own() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public abstract class ChecksBase { }

                [PostDeploy]
                public sealed class ProdChecks : ChecksBase
                {
                    [Fact, Check("prod-healthy")]
                    public void {|RXP0001:Prod_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_DoesNotTrigger_on_a_phase_that_comes_only_from_a_base_class() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public abstract class PreDeployChecks { }

                public sealed class StagingChecks : PreDeployChecks
                {
                    [Fact, Check("staging-healthy")]
                    public void Staging_is_healthy() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_a_fact_in_a_nested_class_whose_phase_is_only_on_the_outer_class() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public static class Outer
                {
                    public sealed class StagingChecks
                    {
                        [Fact, Check("staging-healthy")]
                        public void {|RXP0001:Staging_is_healthy|}() { }
                    }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_a_lower_case_phase_trait_beside_a_phase_attribute() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public sealed class ProdChecks
                {
                    [Fact, PreDeploy, Trait("phase", "PostDeploy"), Check("prod-healthy")]
                    public void {|RXP0001:Prod_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_every_fact_when_the_assembly_carries_a_phase_trait() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [assembly: Trait("Phase", "PostDeploy")]

                public sealed class StagingChecks
                {
                    [Fact, PreDeploy, Check("staging-healthy")]
                    public void {|RXP0001:Staging_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_in_generated_code_too() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            "// <auto-generated/>\n"
                + Usings
                + """
                public sealed class GeneratedChecks
                {
                    [Fact, Check("staging-healthy")]
                    public void {|RXP0001:Staging_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_DoesNotTrigger_on_a_helper_method_that_is_not_a_fact() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Helpers
                {
                    public void Not_a_fact() { }

                    [System.Obsolete]
                    public void Also_not_a_fact() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_DoesNotTrigger_on_an_item_whose_declaration_gives_its_phase() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public sealed class StagingChecks
                {
                    [Item("staging-healthy", RaxxPreflight.Phase.PreDeploy, "healthy")]
                    public void Staging_is_healthy() { }

                    [Item("prod-healthy", RaxxPreflight.Phase.PostDeploy, "healthy")]
                    public void Prod_is_healthy() { }
                }
                """
        );

    [Fact]
    public Task RXP0001_Triggers_on_an_item_whose_class_or_assembly_gives_another_phase() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PostDeploy]
                public sealed class StagingChecks
                {
                    [Item("staging-healthy", RaxxPreflight.Phase.PreDeploy, "healthy")]
                    public void {|RXP0001:Staging_is_healthy|}() { }
                }
                """
        );
}
