namespace RaxxPreflight.Analyzers.Tests;

/// <summary>Just enough of xunit, the checklist's traits, SecretValue, Flurl, Octokit and Shouldly for the analyzers to see.</summary>
internal static class Stubs
{
    public const string Source = """
        namespace Xunit
        {
            [System.AttributeUsage(System.AttributeTargets.Method)] public class FactAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public class TheoryAttribute : FactAttribute { }
            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)] public sealed class InlineDataAttribute : System.Attribute { public InlineDataAttribute(params object[] data) { } }
            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Class | System.AttributeTargets.Assembly, AllowMultiple = true)]
            public sealed class TraitAttribute : System.Attribute { public TraitAttribute(string name, string value) { } }
            public interface ITestOutputHelper { void WriteLine(string message); }
            public sealed class TestContext { public static TestContext Current => null!; public void AddWarning(string message) { } }
            public static class Assert { public static void Equal(string expected, string actual) { } public static void True(bool condition, string userMessage) { } }
        }

        namespace RaxxPreflight.Checks.Traits
        {
            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Class)] public sealed class PreDeployAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method | System.AttributeTargets.Class)] public sealed class PostDeployAttribute : System.Attribute { }
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class CheckAttribute : System.Attribute { public CheckAttribute(string id) { } }
        }

        namespace RaxxPreflight.Secrets
        {
            public sealed class SecretValue
            {
                public string Masked => "****";
                public string Reveal() => "";
                public override string ToString() => Masked;
            }
        }

        namespace RaxxPreflight.Http
        {
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class PermittedWriteAttribute : System.Attribute { public PermittedWriteAttribute(string reason) { } }
        }

        namespace Flurl.Http
        {
            public interface IFlurlRequest { }
            public static class GeneratedExtensions
            {
                public static System.Threading.Tasks.Task<string> GetStringAsync(this IFlurlRequest request) => null!;
                public static System.Threading.Tasks.Task<object> PostJsonAsync(this IFlurlRequest request, object body) => null!;
                public static System.Threading.Tasks.Task<object> DeleteAsync(this IFlurlRequest request) => null!;
                public static System.Threading.Tasks.Task<object> SendAsync(this IFlurlRequest request, System.Net.Http.HttpMethod verb) => null!;
            }
        }

        namespace Octokit
        {
            public sealed class Repository { }
            public interface IRepositoriesClient
            {
                System.Threading.Tasks.Task<Repository> Get(string owner, string name);
                System.Threading.Tasks.Task Delete(string owner, string name);
                System.Threading.Tasks.Task<Repository> Create(string name);
            }
        }

        namespace Shouldly
        {
            public static class ShouldBeStringTestExtensions
            {
                public static void ShouldBe(this string actual, string expected, string? customMessage = null) { }
                public static void ShouldStartWith(this string actual, string expected) { }
            }
        }
        """;
}
