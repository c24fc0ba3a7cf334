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

    [Fact]
    public Task RXP0003_Triggers_on_octokit_writes_by_their_declared_route_and_on_undeclared_or_mislabelled_ones() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Reader
                {
                    public async Task Read(
                        Octokit.IRepositoriesClient repositories,
                        Octokit.IRepoCollaboratorsClient collaborators,
                        Octokit.IRepositoryBranchesClient branches,
                        Octokit.INotificationsClient notifications,
                        Octokit.IGistsClient gists)
                    {
                        await [|collaborators.Invite("raxx-app", "raxx-queue", "intruder")|];
                        await [|branches.RenameBranch("raxx-app", "raxx-queue", "main", "old")|];
                        await [|notifications.MarkAsRead()|];
                        await [|gists.Create("scratch")|];
                        await [|repositories.Undeclared("raxx-app", "raxx-queue")|];
                        Func<string, string, Task> later = [|repositories.Delete|];
                        await repositories.AreVulnerabilityAlertsEnabled("raxx-app", "raxx-queue");
                        Func<string, string, Task<Octokit.Repository>> read = repositories.Get;
                    }
                }
                """
        );

    [Fact]
    public Task RXP0003_reads_real_Octokit_14s_routes_the_checklists_reads_pass_and_its_writes_do_not() =>
        Verify<MutatingHttpAnalyzer>.AgainstAsync(
            """
            using System.Threading.Tasks;
            using Octokit;

            public class Reader
            {
                public async Task Read(IGitHubClient client)
                {
                    await client.Repository.Get("raxx-app", "raxx-queue");
                    await client.Repository.Content.GetAllContentsByRef("raxx-app", "raxx-queue", ".github/workflows/deploy-queue.yml", "main");
                    await client.Repository.Commit.Get("raxx-app", "raxx-queue", "main");
                    await client.Git.Reference.Get("raxx-app", "raxx-queue", "heads/main");
                    await client.Actions.Workflows.Runs.List("raxx-app", "raxx-queue");
                    await client.Repository.Environment.GetAll("raxx-app", "raxx-queue");

                    await [|client.Repository.Delete("raxx-app", "raxx-queue")|];
                    await [|client.Repository.Collaborator.Invite("raxx-app", "raxx-queue", "intruder")|];
                    await [|client.Repository.Branch.RenameBranch("raxx-app", "raxx-queue", "main", "old")|];
                    await [|client.Activity.Notifications.MarkAsRead()|];
                    await [|client.Gist.Create(new NewGist())|];
                    await [|client.Actions.Workflows.CreateDispatch("raxx-app", "raxx-queue", "deploy-queue.yml", new CreateWorkflowDispatch("main"))|];
                    await [|client.Connection.Post(new System.Uri("https://api.github.com/user/repos"))|];
                }
            }
            """,
            [typeof(Octokit.GitHubClient)]
        );

    [Fact]
    public Task RXP0003_Triggers_on_npgsql_writes_sql_that_writes_and_sql_it_cannot_tell() =>
        Verify<MutatingHttpAnalyzer>.AgainstAsync(
            """
            using System.Threading.Tasks;
            using Npgsql;

            public class Reader
            {
                private string mutable = "SELECT 1";

                public async Task Read(NpgsqlConnection session, NpgsqlDataSource source, string fromOutside)
                {
                    await using var delete = new NpgsqlCommand([|"DELETE FROM jobs"|], session);
                    await using var truncate = session.CreateCommand();
                    truncate.CommandText = [|"TRUNCATE jobs"|];
                    await using var into = new NpgsqlCommand([|"SELECT * INTO jobs_copy FROM jobs"|], session);
                    await using var hidden = new NpgsqlCommand([|"WITH gone AS (DELETE FROM jobs RETURNING id) SELECT count(*) FROM gone"|], session);
                    await using var sequence = new NpgsqlCommand([|"SELECT nextval('jobs_id_seq')"|], session);
                    await using var second = new NpgsqlCommand([|"SELECT 1; DROP TABLE jobs"|], session);
                    await using var setting = new NpgsqlCommand([|"SET default_transaction_read_only = off"|], session);
                    await using var unknown = source.CreateCommand([|fromOutside|]);
                    await using var field = new NpgsqlCommand([|mutable|], session);
                    await using var built = new NpgsqlCommand([|$"SELECT * FROM {fromOutside}"|], session);
                    await using var import = [|session.BeginBinaryImport("COPY jobs FROM STDIN (FORMAT BINARY)")|];
                    await Scalar(session, "SHOW server_version");
                    await Scalar(session, "UPDATE jobs SET state = 'done'");
                }

                private static async Task<object?> Scalar(NpgsqlConnection session, string sql)
                {
                    await using var command = new NpgsqlCommand([|sql|], session);
                    return await command.ExecuteScalarAsync();
                }
            }
            """,
            [typeof(Npgsql.NpgsqlCommand)]
        );

    [Fact]
    public Task RXP0003_DoesNotTrigger_on_reads_traced_to_constants_words_in_literals_or_comments() =>
        Verify<MutatingHttpAnalyzer>.AgainstAsync(
            """
            using System.Threading.Tasks;
            using Npgsql;

            public class Reader
            {
                private const string Columns = "SELECT table_schema || '.' || table_name FROM information_schema.columns WHERE table_schema NOT LIKE 'pg\\_%'";
                private static readonly string Extensions = "SELECT extname FROM pg_extension";

                public async Task Read(NpgsqlConnection session, bool version)
                {
                    await Scalar(session, "SHOW transaction_read_only");
                    await Scalar(session, version ? "SHOW server_version" : "SHOW server_version_num");
                    await Scalar(session, Columns);
                    await Scalar(session, Extensions);
                    var sql = "SELECT count(*) FROM jobs WHERE state = 'delete' -- DROP TABLE jobs";
                    await using var command = new NpgsqlCommand(sql, session);
                    await using var export = await session.BeginTextExportAsync("COPY jobs TO STDOUT");
                    await using var block = new NpgsqlCommand("/* INSERT */ SELECT $body$ UPDATE $body$", session);
                }

                private static async Task<object?> Scalar(NpgsqlConnection session, string sql)
                {
                    await using var command = new NpgsqlCommand(sql, session);
                    return await command.ExecuteScalarAsync();
                }
            }
            """,
            [typeof(Npgsql.NpgsqlCommand)]
        );

    [Fact]
    public Task RXP0003_Triggers_on_another_program_or_a_raw_socket() =>
        Verify<MutatingHttpAnalyzer>.AnalyzerAsync(
            Usings
                + """
                public class Reader
                {
                    public void Read()
                    {
                        [|System.Diagnostics.Process.Start("heroku", "config:set STRIPE_SECRET_KEY=sk_test_x -a raxx-queue-prod")|];
                        using var process = new System.Diagnostics.Process();
                        [|process.Start()|];
                        using var socket = [|new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)|];
                        using var tcp = [|new System.Net.Sockets.TcpClient()|];
                    }
                }
                """
        );
}
