namespace RaxxPreflight.Analyzers.Tests;

public class RXP0004SecretLeakTests
{
    private const string Usings = "using System; using Xunit; using Shouldly; using RaxxPreflight.Secrets;\n";

    [Fact]
    public Task RXP0004_Triggers_on_interpolation_concatenation_and_ToString() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Check
                {
                    public string Show(SecretValue key)
                    {
                        var a = $"key {[|key|]}";
                        var b = "key " + [|key|];
                        var c = [|key|].ToString();
                        var d = $"raw {[|key.Reveal()|]}";
                        return a + b + c + d;
                    }
                }
                """
        );

    [Fact]
    public Task RXP0004_Triggers_on_output_loggers_exceptions_and_assertion_messages() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Check
                {
                    public void Show(SecretValue key, ITestOutputHelper output)
                    {
                        Console.WriteLine([|key.Reveal()|]);
                        output.WriteLine([|key.Reveal()|]);
                        TestContext.Current.AddWarning([|key.Reveal()|]);
                        "sk_live_".ShouldBe("pk_live_", [|key.Reveal()|]);
                        throw new InvalidOperationException([|key.Reveal()|]);
                    }
                }
                """
        );

    [Fact]
    public Task RXP0004_DoesNotTrigger_on_the_masked_form_or_a_reveal_sent_to_its_service() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Check
                {
                    public string Show(SecretValue key, ITestOutputHelper output)
                    {
                        output.WriteLine($"key {key.Masked}");
                        Console.WriteLine("key " + key.Masked);
                        "a".ShouldBe("a", $"found {key.Masked}");
                        Authenticate(key.Reveal());
                        var length = key.Reveal().Length;
                        return key.Masked;
                    }

                    private static void Authenticate(string token) { }
                }
                """
        );
}
