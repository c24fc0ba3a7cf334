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

    [Fact]
    public Task RXP0004_Triggers_on_text_derived_from_a_revealed_value_through_locals_and_expressions() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Check
                {
                    public string Show(SecretValue key, SecretValue? maybe, bool flag)
                    {
                        var raw = key.Reveal();
                        var trimmed = raw.Trim();
                        string later;
                        later = raw[..4];
                        var a = $"key {[|raw|]}";
                        var b = $"key {[|trimmed|]}";
                        var c = $"key {[|later|]}";
                        var d = $"key {[|maybe?.Reveal()|]}";
                        var e = $"key {[|maybe?.Reveal() ?? "unset"|]}";
                        var f = $"key {([|flag ? raw : "none"|])}";
                        var text = "key: ";
                        text += [|raw|];
                        return a + b + c + d + e + f + text;
                    }
                }
                """
        );

    [Fact]
    public Task RXP0004_Triggers_on_string_building_assertions_on_the_value_and_serializers() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Check
                {
                    public void Show(SecretValue key)
                    {
                        var raw = key.Reveal();
                        var a = string.Concat("key ", [|raw|]);
                        var b = string.Join(", ", "a", [|raw|]);
                        var c = string.Format("key {0}", [|raw|]);
                        [|key.Reveal()|].ShouldStartWith("sk_live_");
                        Assert.Equal("sk_live_", [|raw|]);
                    }
                }
                """
        );

    [Fact]
    public Task RXP0004_DoesNotTrigger_on_the_mask_the_name_the_shape_or_a_redactor_removing_the_value() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Check
                {
                    public string Show(SecretValue key, string text)
                    {
                        var raw = key.Reveal();
                        var a = $"key {key.Masked} ({nameof(key)}), {raw.Length} characters";
                        var b = text.Replace(raw, "****");
                        var c = raw.StartsWith("sk_live_", StringComparison.Ordinal) ? "live" : "test";
                        return a + b + c;
                    }
                }
                """
        );

    [Fact]
    public Task RXP0004_Triggers_through_fields_properties_getters_helpers_and_returns() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Check
                {
                    private string held = "";
                    private string Later { get; set; } = "";
                    private readonly SecretValue key = new();
                    private string Raw => key.Reveal();

                    public void Keep(SecretValue given)
                    {
                        held = given.Reveal();
                        Later = held.Trim();
                    }

                    public string Show()
                    {
                        var a = $"held {[|held|]}";
                        var b = "later " + [|Later|];
                        var c = $"raw {[|Raw|]}";
                        var d = $"returned {[|Returned(key)|]}";
                        Log(key.Reveal());
                        return a + b + c + d;
                    }

                    private static string Returned(SecretValue value) => value.Reveal().ToUpperInvariant();

                    private static void Log(string text) => Console.WriteLine([|text|]);
                }
                """
        );

    [Fact]
    public Task RXP0004_Triggers_on_handlers_records_and_any_text_parameter_outside_the_layer() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public record Credentials(string User, string Password);

                public class Check
                {
                    public string Show(SecretValue key, System.Text.StringBuilder builder)
                    {
                        var raw = key.Reveal();
                        builder.Append($"key {[|raw|]}");
                        builder.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"key {[|raw|]}");
                        var made = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"key {[|raw|]}");
                        var credentials = new Credentials("raxx", raw);
                        var a = $"as {[|credentials|]}";
                        var b = [|credentials|].ToString();
                        Environment.SetEnvironmentVariable("RAW", [|raw|]);
                        var payload = new { Key = raw };
                        var json = System.Text.Json.JsonSerializer.Serialize([|payload|]);
                        var shown = $"payload {[|payload|]}";
                        Assert.True(raw.Length > 0, [|raw|]);
                        var piece = raw.Split('_');
                        Environment.SetEnvironmentVariable("PIECE", [|piece[0]|]);
                        return made + a + b + json + shown;
                    }
                }
                """
        );

    [Fact]
    public Task RXP0004_DoesNotTrigger_on_helpers_that_only_inspect_masked_records_or_null_checks() =>
        Verify<SecretLeakAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public record Shown(string User, string Masked);

                public class Check
                {
                    private string shape = "";

                    public string Show(SecretValue key)
                    {
                        ArgumentNullException.ThrowIfNull(key);
                        var raw = key.Reveal();
                        shape = IsLive(raw) ? "live" : "test";
                        var shown = new Shown("raxx", key.Masked);
                        var uri = new Uri(raw);
                        return $"{shape} {shown} {Describe(raw)} {uri.Scheme} {raw.Length}";
                    }

                    private static bool IsLive(string value) => value.StartsWith("sk_live_", StringComparison.Ordinal);

                    private static string Describe(string value) => value.Length > 10 ? "long" : "short";
                }
                """
        );
}
