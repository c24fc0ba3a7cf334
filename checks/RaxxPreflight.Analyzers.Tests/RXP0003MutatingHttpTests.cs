namespace RaxxPreflight.Analyzers.Tests;

public class RXP0003MutatingHttpTests
{
    private const string Usings =
        "using System; using System.Net.Http; using System.Threading.Tasks; using Flurl.Http; using RaxxPreflight.Http;\n";

    [Fact]
    public Task RXP0003_Triggers_on_flurl_writes() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Reader
                {
                    public async Task Read(IFlurlRequest request)
                    {
                        await [|request.PostJsonAsync(new { lines = 10 })|];
                        await [|request.DeleteAsync()|];
                        await [|request.SendAsync(HttpMethod.Put)|];
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_Triggers_on_httpclient_writes_and_write_requests() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Reader
                {
                    public async Task Read(HttpClient client, Uri uri)
                    {
                        await [|client.PostAsync(uri, null)|];
                        await [|client.DeleteAsync(uri)|];
                        using var request = [|new HttpRequestMessage(HttpMethod.Patch, uri)|];
                        await client.SendAsync(request);
                        var verb = [|new HttpMethod("PURGE")|];
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_Triggers_on_octokit_create_update_delete() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Reader
                {
                    public async Task Read(Octokit.IRepositoriesClient repositories)
                    {
                        await [|repositories.Delete("raxx-app", "TradeMasterAPI")|];
                        await [|repositories.Create("scratch")|];
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_Triggers_when_the_marker_is_on_another_method() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                namespace RaxxPreflight.Heroku
                {
                    public class HerokuClient
                    {
                        [PermittedWrite("opens a log session")]
                        public Task<object> CreateLogSessionAsync(IFlurlRequest request) => request.PostJsonAsync(new { lines = 10 });

                        public Task<object> Sneaky(IFlurlRequest request) => [|request.PostJsonAsync(new { lines = 10 })|];
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_DoesNotTrigger_on_reads_or_the_marked_write() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Reader
                {
                    public async Task Read(IFlurlRequest request, HttpClient client, Uri uri, Octokit.IRepositoriesClient repositories)
                    {
                        await request.GetStringAsync();
                        await request.SendAsync(HttpMethod.Get);
                        await client.GetAsync(uri);
                        using var head = new HttpRequestMessage(HttpMethod.Head, uri);
                        var get = new HttpMethod("GET");
                        await repositories.Get("raxx-app", "TradeMasterAPI");
                        var isWrite = head.Method == HttpMethod.Post;
                    }

                }

                namespace RaxxPreflight.Heroku
                {
                    public class HerokuClient
                    {
                        [PermittedWrite("A log session only opens a read of the app's log.")]
                        public Task<object> CreateLogSessionAsync(IFlurlRequest request) => request.PostJsonAsync(new { lines = 10 });
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_Triggers_on_the_marker_on_any_other_method_and_permits_nothing_there() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Writer
                {
                    public Task<object> Post(IFlurlRequest request) => [|request.PostJsonAsync(new { lines = 10 })|];

                    [{|RXP0003:PermittedWrite("a second write")|}]
                    public Task<object> CreateLogSessionAsync(IFlurlRequest request) => [|request.PostJsonAsync(new { lines = 10 })|];
                }
                """
        );

    [Fact]
    public Task RXP0003_Triggers_on_a_look_alike_marker_on_the_sanctioned_method() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                namespace Elsewhere
                {
                    [System.AttributeUsage(System.AttributeTargets.Method)]
                    public sealed class PermittedWriteAttribute : System.Attribute { public PermittedWriteAttribute(string reason) { } }
                }

                namespace RaxxPreflight.Heroku
                {
                    public class HerokuClient
                    {
                        [{|RXP0003:Elsewhere.PermittedWrite("looks the same")|}]
                        public Task<object> CreateLogSessionAsync(IFlurlRequest request) => [|request.PostJsonAsync(new { lines = 10 })|];
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_Triggers_on_a_write_verb_through_locals_fields_conditionals_initializers_and_assignments() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Sneaky
                {
                    private static readonly HttpMethod Verb = HttpMethod.Post;
                    private static readonly HttpMethod Custom = [|new HttpMethod("PURGE")|];

                    public void Build(Uri uri, bool flag)
                    {
                        var verb = HttpMethod.Delete;
                        using var a = [|new HttpRequestMessage(verb, uri)|];
                        using var b = [|new HttpRequestMessage(Verb, uri)|];
                        using var c = [|new HttpRequestMessage(flag ? HttpMethod.Get : HttpMethod.Put, uri)|];
                        using var d = [|new HttpRequestMessage { Method = HttpMethod.Delete, RequestUri = uri }|];
                        using var e = [|new HttpRequestMessage(Custom, uri)|];
                        using var f = new HttpRequestMessage(HttpMethod.Get, uri);
                        [|f.Method = HttpMethod.Patch|];
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_Triggers_on_a_verb_that_cannot_be_told_at_compile_time() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Opaque
                {
                    public void Build(Uri uri, HttpMethod verb, string name)
                    {
                        using var a = [|new HttpRequestMessage(verb, uri)|];
                        using var b = [|new HttpRequestMessage(HttpMethod.Parse(name), uri)|];
                        var made = [|new HttpMethod(name)|];
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_DoesNotTrigger_on_reads_traced_the_same_way() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Reads
                {
                    private static readonly HttpMethod Verb = HttpMethod.Head;

                    public void Build(Uri uri, bool flag)
                    {
                        var verb = HttpMethod.Get;
                        using var a = new HttpRequestMessage(verb, uri);
                        using var b = new HttpRequestMessage(Verb, uri);
                        using var c = new HttpRequestMessage(flag ? HttpMethod.Get : HttpMethod.Head, uri);
                        using var d = new HttpRequestMessage { RequestUri = uri };
                        using var e = new HttpRequestMessage(HttpMethod.Parse("GET"), uri);
                        d.Method = HttpMethod.Head;
                    }
                }
                """
        );
}
