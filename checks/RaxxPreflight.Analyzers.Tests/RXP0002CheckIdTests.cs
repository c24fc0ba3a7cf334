namespace RaxxPreflight.Analyzers.Tests;

public class RXP0002CheckIdTests
{
    private const string Usings = "using Xunit; using RaxxPreflight.Checks.Traits;\n";

    [Fact]
    public Task RXP0002_Triggers_on_a_fact_without_a_check_id() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public class StagingChecks
                {
                    [Fact]
                    public void {|RXP0002:Staging_is_healthy|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0002_Triggers_on_an_id_that_is_not_kebab_case() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public class StagingChecks
                {
                    [Fact, Check("Staging_Healthy")]
                    public void {|RXP0002:Staging_is_healthy|}() { }

                    [Fact, Check("staging--deployed")]
                    public void {|RXP0002:Staging_is_deployed|}() { }

                    [Fact, Trait("Check", "")]
                    public void {|RXP0002:Staging_has_vars|}() { }
                }
                """
        );

    [Fact]
    public Task RXP0002_Triggers_on_a_duplicate_naming_both_places() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public class A
                {
                    [Fact, Check("stripe-keys-live")]
                    public void {|#1:First|}() { }
                }

                [PostDeploy]
                public class B
                {
                    public const string Id = "stripe-keys-live";

                    [Fact, Check(Id)]
                    public void {|#0:Second|}() { }
                }
                """,
            Verify<ChecklistFactAnalyzer>
                .Diagnostic(Descriptors.FactNeedsUniqueCheckId)
                .WithLocation(0)
                .WithLocation(1)
                .WithArguments("B.Second", "has the Check id 'stripe-keys-live', which 'A.First' (Test0.cs:6) has too")
        );

    [Fact]
    public Task RXP0002_DoesNotTrigger_on_unique_kebab_case_ids_or_a_helper() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public class StagingChecks
                {
                    [Fact, Check("staging-healthy")]
                    public void Staging_is_healthy() { }

                    [Theory, InlineData(1), Trait("Check", "postgres-v15-parity")]
                    public void Postgres_parity(int n) { }

                    public void Helper_without_an_id() { }
                }
                """
        );

    [Fact]
    public Task RXP0002_Triggers_on_a_fact_a_derived_class_inherits() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                [PreDeploy]
                public class StagingChecks
                {
                    [Fact, Check("staging-healthy")]
                    public void {|RXP0002:Staging_is_healthy|}() { }
                }

                public sealed class MoreStagingChecks : StagingChecks { }
                """
        );

    [Fact]
    public Task RXP0002_Triggers_on_an_item_of_a_generic_base_that_two_classes_close() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public abstract class ParityChecks<T>
                {
                    [Item("postgres-plan-parity", RaxxPreflight.Phase.PreDeploy, "plans match")]
                    public void {|RXP0002:Plans_match|}() { }
                }

                public sealed class StagingParity : ParityChecks<int> { }

                public sealed class ProdParity : ParityChecks<string> { }
                """
        );

    [Fact]
    public Task RXP0002_Triggers_on_two_items_declaring_one_id() =>
        Verify<ChecklistFactAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public sealed class StagingChecks
                {
                    [Item("staging-healthy", RaxxPreflight.Phase.PreDeploy, "healthy")]
                    public void Staging_is_healthy() { }
                }

                public sealed class MoreChecks
                {
                    [Item("staging-healthy", RaxxPreflight.Phase.PreDeploy, "healthy again")]
                    public void {|RXP0002:Staging_is_healthy_again|}() { }
                }
                """
        );
}
