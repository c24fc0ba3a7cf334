using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RaxxPreflight.Fakes.Scenarios;
using WireMock;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>The repository's resources in the shapes of GitHub's REST description.</summary>
internal sealed class GitHubResources(GitHubState state, Uri api)
{
    private const int DefaultPerPage = 30;
    private const int MaxPerPage = 100;
    private static readonly DateTimeOffset Created = new(2026, 1, 12, 9, 30, 0, TimeSpan.Zero);

    private string Repo => $"{state.Owner}/{state.Repository}";

    public static string Error(string message, string documentation, int status) =>
        new JsonObject
        {
            ["message"] = message,
            ["documentation_url"] = documentation,
            ["status"] = status.ToString(CultureInfo.InvariantCulture),
        }.ToJsonString();

    /// <summary>The environment named <paramref name="requested"/> (in any case), or null when there is none.</summary>
    public string? Environment(string requested)
    {
        if (state.Environments.Keys.FirstOrDefault(k => string.Equals(k, requested, StringComparison.OrdinalIgnoreCase)) is not { } name)
        {
            return null;
        }

        var rules = new JsonArray();
        foreach (var rule in state.Environments[name])
        {
            var json = new JsonObject
            {
                ["id"] = rule.Id,
                ["node_id"] = NodeId("Gate", rule.Id),
                ["type"] = rule.Type,
            };
            if (rule.Type == "required_reviewers")
            {
                json["prevent_self_review"] = false;
                json["reviewers"] = new JsonArray([
                    .. rule.ReviewerLogins.Select(login => (JsonNode)new JsonObject { ["type"] = "User", ["reviewer"] = User(login) }),
                ]);
            }
            else if (rule.Type == "wait_timer")
            {
                json["wait_timer"] = 30;
            }

            rules.Add(json);
        }

        var id = Id($"env/{name}");
        return new JsonObject
        {
            ["id"] = id,
            ["node_id"] = NodeId("EN", id),
            ["name"] = name,
            ["url"] = $"{api}repos/{Repo}/environments/{name}",
            ["html_url"] = $"https://github.com/{Repo}/deployments/activity_log?environments_filter={name}",
            ["created_at"] = Stamp(Created),
            ["updated_at"] = Stamp(Created),
            ["can_admins_bypass"] = true,
            ["protection_rules"] = rules,
            ["deployment_branch_policy"] = null,
        }.ToJsonString();
    }

    public (int, string) Content(string path, string? reference)
    {
        reference ??= "main";
        if (!state.Branches.ContainsKey(reference))
        {
            return (
                404,
                Error($"No commit found for the ref {reference}", "https://docs.github.com/rest/repos/contents#get-repository-content", 404)
            );
        }

        var bytes = Encoding.UTF8.GetBytes(state.Files[path]);
        var sha = GitSha(bytes);
        var url = $"{api}repos/{Repo}/contents/{path}?ref={reference}";
        return (
            200,
            new JsonObject
            {
                ["type"] = "file",
                ["encoding"] = "base64",
                ["size"] = bytes.Length,
                ["name"] = Path.GetFileName(path),
                ["path"] = path,
                ["content"] = Wrap(Convert.ToBase64String(bytes)),
                ["sha"] = sha,
                ["url"] = url,
                ["git_url"] = $"{api}repos/{Repo}/git/blobs/{sha}",
                ["html_url"] = $"https://github.com/{Repo}/blob/{reference}/{path}",
                ["download_url"] = $"https://raw.githubusercontent.com/{Repo}/{reference}/{path}",
                ["_links"] = new JsonObject
                {
                    ["self"] = url,
                    ["git"] = $"{api}repos/{Repo}/git/blobs/{sha}",
                    ["html"] = $"https://github.com/{Repo}/blob/{reference}/{path}",
                },
            }.ToJsonString()
        );
    }

    /// <summary>A page of a workflow's runs, and the <c>Link</c> header that names the other pages (null when there is one page).</summary>
    public (string Body, string? Link) Runs(string workflow, IRequestMessage request)
    {
        var branch = FakeHttp.Query(request, "branch");
        var status = FakeHttp.Query(request, "status");
        var eventName = FakeHttp.Query(request, "event");
        var perPage = Math.Clamp(
            int.TryParse(FakeHttp.Query(request, "per_page"), CultureInfo.InvariantCulture, out var p) ? p : DefaultPerPage,
            1,
            MaxPerPage
        );
        var page = Math.Max(1, int.TryParse(FakeHttp.Query(request, "page"), CultureInfo.InvariantCulture, out var n) ? n : 1);
        var runs = state
            .Runs.Where(r => r.WorkflowFile == workflow)
            .Where(r => branch is null || r.HeadBranch == branch)
            .Where(r => eventName is null || r.Event == eventName)
            // GitHub's status filter takes a status (completed, in_progress...) or a conclusion (success, failure...).
            .Where(r => status is null || r.Status == status || r.Conclusion == status)
            .OrderByDescending(r => r.CreatedAt)
            .ToList();
        var body = new JsonObject
        {
            ["total_count"] = runs.Count,
            ["workflow_runs"] = new JsonArray([.. runs.Skip((page - 1) * perPage).Take(perPage).Select(r => (JsonNode)Run(r))]),
        }.ToJsonString();
        return (body, Link(request, page, Math.Max(1, (runs.Count + perPage - 1) / perPage)));
    }

    // GitHub's pagination header: the request's own URL with page=N, for next/last (and prev/first past page 1).
    private string? Link(IRequestMessage request, int page, int last)
    {
        if (last <= 1)
        {
            return null;
        }

        var query = (request.Query ?? new Dictionary<string, WireMock.Types.WireMockList<string>>())
            .Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(v => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(v)}"))
            .ToList();
        string At(int n) => $"<{api}{request.Path.TrimStart('/')}?{string.Join("&", query.Append($"page={n}"))}>";
        var links = new List<string>();
        if (page > 1)
        {
            links.Add($"{At(page - 1)}; rel=\"prev\"");
        }

        if (page < last)
        {
            links.Add($"{At(page + 1)}; rel=\"next\"");
            links.Add($"{At(last)}; rel=\"last\"");
        }

        if (page > 1)
        {
            links.Add($"{At(1)}; rel=\"first\"");
        }

        return string.Join(", ", links);
    }

    /// <summary>One run by its id, or null.</summary>
    public string? RunById(long id) => state.Runs.FirstOrDefault(r => r.Id == id) is { } run ? Run(run).ToJsonString() : null;

    /// <summary>Every environment of the repository, as <c>GET /repos/{o}/{r}/environments</c> lists them.</summary>
    public string Environments() =>
        new JsonObject
        {
            ["total_count"] = state.Environments.Count,
            ["environments"] = new JsonArray([
                .. state.Environments.Keys.Order(StringComparer.Ordinal).Select(n => JsonNode.Parse(Environment(n)!)),
            ]),
        }.ToJsonString();

    /// <summary>The workflows of the repository: one per workflow file its runs name.</summary>
    private IEnumerable<string> WorkflowFiles =>
        state
            .Runs.Select(r => r.WorkflowFile)
            .Concat(state.Files.Keys.Where(f => f.StartsWith(".github/workflows/", StringComparison.Ordinal)).Select(Path.GetFileName))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>A workflow by its id or its file name, or null.</summary>
    public string? Workflow(string idOrFile) =>
        WorkflowFiles.FirstOrDefault(f => f == idOrFile || Id(f).ToString(CultureInfo.InvariantCulture) == idOrFile) is { } file
            ? WorkflowObject(file).ToJsonString()
            : null;

    /// <summary><c>GET /repos/{o}/{r}/actions/workflows</c>.</summary>
    public string Workflows()
    {
        var files = WorkflowFiles.Order(StringComparer.Ordinal).ToList();
        return new JsonObject
        {
            ["total_count"] = files.Count,
            ["workflows"] = new JsonArray([.. files.Select(f => (JsonNode)WorkflowObject(f))]),
        }.ToJsonString();
    }

    private JsonObject WorkflowObject(string file) =>
        new()
        {
            ["id"] = Id(file),
            ["node_id"] = NodeId("W", Id(file)),
            ["name"] = Path.GetFileNameWithoutExtension(file),
            ["path"] = $".github/workflows/{file}",
            ["state"] = "active",
            ["created_at"] = Stamp(Created),
            ["updated_at"] = Stamp(Created),
            ["url"] = $"{api}repos/{Repo}/actions/workflows/{Id(file)}",
            ["html_url"] = $"https://github.com/{Repo}/blob/main/.github/workflows/{file}",
            ["badge_url"] = $"https://github.com/{Repo}/workflows/{Path.GetFileNameWithoutExtension(file)}/badge.svg",
        };

    /// <summary>A branch, with its HEAD commit, or null when there is no such branch.</summary>
    public string? Branch(string name)
    {
        if (!state.Branches.ContainsKey(name))
        {
            return null;
        }

        var (_, commit) = Commit(name);
        return new JsonObject
        {
            ["name"] = name,
            ["commit"] = JsonNode.Parse(commit),
            ["_links"] = new JsonObject
            {
                ["self"] = $"{api}repos/{Repo}/branches/{name}",
                ["html"] = $"https://github.com/{Repo}/tree/{name}",
            },
            ["protected"] = name == "main",
            ["protection"] = new JsonObject
            {
                ["enabled"] = name == "main",
                ["required_status_checks"] = new JsonObject
                {
                    ["enforcement_level"] = "off",
                    ["contexts"] = new JsonArray(),
                    ["checks"] = new JsonArray(),
                },
            },
            ["protection_url"] = $"{api}repos/{Repo}/branches/{name}/protection",
        }.ToJsonString();
    }

    /// <summary>The file's text, as <c>application/vnd.github.raw</c> answers it; null when the ref does not exist.</summary>
    public string? RawContent(string path, string? reference) => state.Branches.ContainsKey(reference ?? "main") ? state.Files[path] : null;

    /// <summary>The SHA a ref names, as <c>application/vnd.github.sha</c> answers it; null when it names none.</summary>
    public string? Sha(string reference) =>
        state.Branches.TryGetValue(reference, out var head)
            ? head
            : state.Branches.Values.FirstOrDefault(s => s.StartsWith(reference, StringComparison.Ordinal) && reference.Length >= 7);

    public (int, string) Commit(string reference)
    {
        var sha = state.Branches.TryGetValue(reference, out var head)
            ? head
            : state.Branches.Values.FirstOrDefault(s => s.StartsWith(reference, StringComparison.Ordinal) && reference.Length >= 7);
        if (sha is null)
        {
            return (422, Error($"No commit found for SHA: {reference}", "https://docs.github.com/rest/commits/commits#get-a-commit", 422));
        }

        var author = new JsonObject
        {
            ["name"] = "Raxx Dev",
            ["email"] = "dev@raxx.app",
            ["date"] = Stamp(Created.AddDays(120)),
        };
        return (
            200,
            new JsonObject
            {
                ["sha"] = sha,
                ["node_id"] = NodeId("C", Id(sha)),
                ["url"] = $"{api}repos/{Repo}/commits/{sha}",
                ["html_url"] = $"https://github.com/{Repo}/commit/{sha}",
                ["comments_url"] = $"{api}repos/{Repo}/commits/{sha}/comments",
                ["commit"] = new JsonObject
                {
                    ["url"] = $"{api}repos/{Repo}/git/commits/{sha}",
                    ["author"] = author.DeepClone(),
                    ["committer"] = author.DeepClone(),
                    ["message"] = "fix(queue): guard add_subdirectory(tests) for Docker production builds",
                    ["tree"] = new JsonObject
                    {
                        ["sha"] = GitSha(Encoding.UTF8.GetBytes("tree" + sha)),
                        ["url"] = $"{api}repos/{Repo}/git/trees/x",
                    },
                    ["comment_count"] = 0,
                },
                ["author"] = User("raxx-dev"),
                ["committer"] = User("web-flow"),
                ["parents"] = new JsonArray(
                    new JsonObject
                    {
                        ["sha"] = Parent(sha),
                        ["url"] = $"{api}repos/{Repo}/commits/{Parent(sha)}",
                        ["html_url"] = $"https://github.com/{Repo}/commit/{Parent(sha)}",
                    }
                ),
                ["stats"] = new JsonObject
                {
                    ["additions"] = 3,
                    ["deletions"] = 1,
                    ["total"] = 4,
                },
                ["files"] = new JsonArray(),
            }.ToJsonString()
        );
    }

    // A stable parent for a commit the scenario names: the fakes serve one commit per branch, each with a history.
    private static string Parent(string sha) => GitSha(Encoding.UTF8.GetBytes("parent of " + sha));

    private JsonObject Run(WorkflowRunState run)
    {
        var runUrl = $"{api}repos/{Repo}/actions/runs/{run.Id}";
        return new JsonObject
        {
            ["id"] = run.Id,
            ["name"] = "deploy-queue",
            ["node_id"] = NodeId("WFR", run.Id),
            ["check_suite_id"] = run.Id + 1000,
            ["check_suite_node_id"] = NodeId("CS", run.Id + 1000),
            ["head_branch"] = run.HeadBranch,
            ["head_sha"] = run.HeadSha,
            ["path"] = $".github/workflows/{run.WorkflowFile}",
            ["display_title"] = "deploy-queue",
            ["run_number"] = run.RunNumber,
            ["run_attempt"] = 1,
            ["event"] = run.Event,
            ["status"] = run.Status,
            ["conclusion"] = run.Conclusion,
            ["workflow_id"] = Id(run.WorkflowFile),
            ["url"] = runUrl,
            ["html_url"] = $"https://github.com/{Repo}/actions/runs/{run.Id}",
            ["pull_requests"] = new JsonArray(),
            ["created_at"] = Stamp(run.CreatedAt),
            ["updated_at"] = Stamp(run.CreatedAt.AddMinutes(9)),
            ["run_started_at"] = Stamp(run.CreatedAt),
            ["actor"] = User("raxx-dev"),
            ["triggering_actor"] = User("raxx-dev"),
            ["jobs_url"] = runUrl + "/jobs",
            ["logs_url"] = runUrl + "/logs",
            ["check_suite_url"] = $"{api}repos/{Repo}/check-suites/{run.Id + 1000}",
            ["artifacts_url"] = runUrl + "/artifacts",
            ["cancel_url"] = runUrl + "/cancel",
            ["rerun_url"] = runUrl + "/rerun",
            ["previous_attempt_url"] = null,
            ["workflow_url"] = $"{api}repos/{Repo}/actions/workflows/{Id(run.WorkflowFile)}",
            ["head_commit"] = new JsonObject
            {
                ["id"] = run.HeadSha,
                ["tree_id"] = GitSha(Encoding.UTF8.GetBytes("tree" + run.HeadSha)),
                ["message"] = "deploy",
                ["timestamp"] = Stamp(run.CreatedAt),
                ["author"] = new JsonObject { ["name"] = "Raxx Dev", ["email"] = "dev@raxx.app" },
                ["committer"] = new JsonObject { ["name"] = "GitHub", ["email"] = "noreply@github.com" },
            },
            ["repository"] = Repository(),
            ["head_repository"] = Repository(),
        };
    }

    private JsonObject Repository()
    {
        var url = $"{api}repos/{Repo}";
        var repository = new JsonObject
        {
            ["id"] = Id(Repo),
            ["node_id"] = NodeId("R", Id(Repo)),
            ["name"] = state.Repository,
            ["full_name"] = Repo,
            ["private"] = true,
            ["owner"] = User(state.Owner),
            ["html_url"] = $"https://github.com/{Repo}",
            ["description"] = "Raxx trading platform",
            ["fork"] = false,
            ["url"] = url,
        };

        // GitHub lists its hypermedia templates on every repository object.
        foreach (var (name, suffix) in RepositoryLinks)
        {
            repository[name] = url + suffix;
        }

        return repository;
    }

    private static readonly (string Name, string Suffix)[] RepositoryLinks =
    [
        ("archive_url", "/{archive_format}{/ref}"),
        ("assignees_url", "/assignees{/user}"),
        ("blobs_url", "/git/blobs{/sha}"),
        ("branches_url", "/branches{/branch}"),
        ("collaborators_url", "/collaborators{/collaborator}"),
        ("comments_url", "/comments{/number}"),
        ("commits_url", "/commits{/sha}"),
        ("compare_url", "/compare/{base}...{head}"),
        ("contents_url", "/contents/{+path}"),
        ("contributors_url", "/contributors"),
        ("deployments_url", "/deployments"),
        ("downloads_url", "/downloads"),
        ("events_url", "/events"),
        ("forks_url", "/forks"),
        ("git_commits_url", "/git/commits{/sha}"),
        ("git_refs_url", "/git/refs{/sha}"),
        ("git_tags_url", "/git/tags{/sha}"),
        ("hooks_url", "/hooks"),
        ("issue_comment_url", "/issues/comments{/number}"),
        ("issue_events_url", "/issues/events{/number}"),
        ("issues_url", "/issues{/number}"),
        ("keys_url", "/keys{/key_id}"),
        ("labels_url", "/labels{/name}"),
        ("languages_url", "/languages"),
        ("merges_url", "/merges"),
        ("milestones_url", "/milestones{/number}"),
        ("notifications_url", "/notifications{?since,all,participating}"),
        ("pulls_url", "/pulls{/number}"),
        ("releases_url", "/releases{/id}"),
        ("stargazers_url", "/stargazers"),
        ("statuses_url", "/statuses/{sha}"),
        ("subscribers_url", "/subscribers"),
        ("subscription_url", "/subscription"),
        ("tags_url", "/tags"),
        ("teams_url", "/teams"),
        ("trees_url", "/git/trees{/sha}"),
    ];

    private JsonObject User(string login)
    {
        var url = $"{api}users/{login}";
        return new JsonObject
        {
            ["login"] = login,
            ["id"] = Id(login),
            ["node_id"] = NodeId("U", Id(login)),
            ["avatar_url"] = $"https://avatars.githubusercontent.com/u/{Id(login)}?v=4",
            ["gravatar_id"] = string.Empty,
            ["url"] = url,
            ["html_url"] = $"https://github.com/{login}",
            ["followers_url"] = url + "/followers",
            ["following_url"] = url + "/following{/other_user}",
            ["gists_url"] = url + "/gists{/gist_id}",
            ["starred_url"] = url + "/starred{/owner}{/repo}",
            ["subscriptions_url"] = url + "/subscriptions",
            ["organizations_url"] = url + "/orgs",
            ["repos_url"] = url + "/repos",
            ["events_url"] = url + "/events{/privacy}",
            ["received_events_url"] = url + "/received_events",
            ["type"] = "User",
            ["user_view_type"] = "public",
            ["site_admin"] = false,
        };
    }

    private static long Id(string seed) => BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(seed))) % 900_000_000 + 100_000_000;

    private static string NodeId(string kind, long id) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}_{id}"));

    // Git names objects by SHA-1; these ids only have to look like git's, nothing here is security.
#pragma warning disable CA5350
    private static string GitSha(byte[] bytes) => Convert.ToHexStringLower(SHA1.HashData(bytes));
#pragma warning restore CA5350

    private static string Stamp(DateTimeOffset at) => HerokuResources.Stamp(at);

    // GitHub wraps base64 content at 60 characters with '\n' (and ends with one).
    private static string Wrap(string base64) => string.Concat(base64.Chunk(60).Select(chunk => new string(chunk) + "\n"));
}
