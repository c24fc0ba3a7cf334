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
            [System.AttributeUsage(System.AttributeTargets.Method)]
            public sealed class ItemAttribute : Xunit.FactAttribute { public ItemAttribute(string id, RaxxPreflight.Phase phase, string title) { } }
        }

        namespace RaxxPreflight
        {
            public enum Phase { PreDeploy, PostDeploy }
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
            // Octokit declares each client method's route on its implementation, as Octokit 14 does.
            [System.AttributeUsage(System.AttributeTargets.Method)] public sealed class ManualRouteAttribute : System.Attribute { public ManualRouteAttribute(string verb, string path) { } }
            public sealed class Repository { }
            public sealed class Notification { }
            public interface IRepositoriesClient
            {
                System.Threading.Tasks.Task<Repository> Get(string owner, string name);
                System.Threading.Tasks.Task Delete(string owner, string name);
                System.Threading.Tasks.Task<Repository> Create(string name);
                System.Threading.Tasks.Task<bool> AreVulnerabilityAlertsEnabled(string owner, string name);
                System.Threading.Tasks.Task<Repository> Undeclared(string owner, string name);
            }
            public class RepositoriesClient : IRepositoriesClient
            {
                [ManualRoute("GET", "/repos/{owner}/{repo}")] public System.Threading.Tasks.Task<Repository> Get(string owner, string name) => null!;
                [ManualRoute("DELETE", "/repos/{owner}/{repo}")] public System.Threading.Tasks.Task Delete(string owner, string name) => null!;
                [ManualRoute("POST", "/user/repos")] public System.Threading.Tasks.Task<Repository> Create(string name) => null!;
                [ManualRoute("GET", "/repos/{owner}/{repo}/vulnerability-alerts")] public System.Threading.Tasks.Task<bool> AreVulnerabilityAlertsEnabled(string owner, string name) => null!;
                public System.Threading.Tasks.Task<Repository> Undeclared(string owner, string name) => null!;
            }
            public interface IRepoCollaboratorsClient { System.Threading.Tasks.Task Invite(string owner, string name, string user); }
            public class RepoCollaboratorsClient : IRepoCollaboratorsClient
            {
                [ManualRoute("PUT", "/repos/{owner}/{repo}/collaborators/{username}")] public System.Threading.Tasks.Task Invite(string owner, string name, string user) => null!;
            }
            public interface IRepositoryBranchesClient { System.Threading.Tasks.Task RenameBranch(string owner, string name, string branch, string to); }
            public class RepositoryBranchesClient : IRepositoryBranchesClient
            {
                [ManualRoute("POST", "/repos/{owner}/{repo}/branches/{branch}/rename")] public System.Threading.Tasks.Task RenameBranch(string owner, string name, string branch, string to) => null!;
            }
            public interface INotificationsClient { System.Threading.Tasks.Task MarkAsRead(); }
            public class NotificationsClient : INotificationsClient
            {
                [ManualRoute("PUT", "/notifications")] public System.Threading.Tasks.Task MarkAsRead() => null!;
            }
            public interface IGistsClient { System.Threading.Tasks.Task<Repository> Create(string description); }
            public class GistsClient : IGistsClient
            {
                // Octokit 14 declares GET on Gists.Create, which POSTs: a name that says write is a write.
                [ManualRoute("GET", "/gists")] public System.Threading.Tasks.Task<Repository> Create(string description) => null!;
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
