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
                public class Reader
                {
                    [PermittedWrite("opens a log session")]
                    public Task<object> OpenLogSession(IFlurlRequest request) => request.PostJsonAsync(new { lines = 10 });

                    public Task<object> Sneaky(IFlurlRequest request) => [|request.PostJsonAsync(new { lines = 10 })|];
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

                    [PermittedWrite("A log session only opens a read of the app's log.")]
                    public Task<object> OpenLogSession(IFlurlRequest request) => request.PostJsonAsync(new { lines = 10 });
                }
                """
        );
}
