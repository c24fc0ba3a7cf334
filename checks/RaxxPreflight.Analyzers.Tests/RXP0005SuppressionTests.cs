namespace RaxxPreflight.Analyzers.Tests;

public class RXP0005SuppressionTests
{
    [Fact]
    public Task RXP0005_Triggers_on_a_pragma_that_disables_a_checklist_rule_without_a_reason() =>
        Verify<SuppressionJustificationAnalyzer>.AnalyzerAsync(
            """
            public static class Leaky
            {
            {|RXP0005:#pragma warning disable RXP0004|}
                public static string Show(string s) => s;
            {|RXP0005:#pragma warning disable RS0030 // ok|}
                public static string Again(string s) => s;
            #pragma warning restore RXP0004, RS0030
            }
            """
        );

    [Fact]
    public Task RXP0005_Triggers_on_a_blanket_pragma_and_on_suppress_message_without_a_justification() =>
        Verify<SuppressionJustificationAnalyzer>.AnalyzerAsync(
            """
            using System.Diagnostics.CodeAnalysis;

            public static class Leaky
            {
                [{|RXP0005:SuppressMessage("RaxxPreflight", "RXP0003:No mutating HTTP call")|}]
                public static void Write() { }

                [{|RXP0005:SuppressMessage("RaxxPreflight", "RXP0004", Justification = "")|}]
                public static void Print() { }

                // A blanket disable turns off every rule after it, this one among them: it is refused first.
            {|RXP0005:#pragma warning disable|}
                public static void Anything() { }
            #pragma warning restore
            }
            """
        );

    [Fact]
    public Task RXP0005_DoesNotTrigger_on_suppressions_that_say_why_or_on_other_rules() =>
        Verify<SuppressionJustificationAnalyzer>.AnalyzerAsync(
            """
            using System.Diagnostics.CodeAnalysis;

            public static class Fine
            {
            #pragma warning disable RXP0004 // the value is a public key prefix, never a secret
                public static string Show(string s) => s;
            #pragma warning restore RXP0004
            #pragma warning disable CA1062
                public static int Length(string s) => s.Length;
            #pragma warning restore CA1062

                [SuppressMessage("RaxxPreflight", "RXP0003", Justification = "the fakes' own seeding, never production")]
                public static void Seed() { }

                [SuppressMessage("Design", "CA1031")]
                public static void Other() { }
            }
            """
        );
}
