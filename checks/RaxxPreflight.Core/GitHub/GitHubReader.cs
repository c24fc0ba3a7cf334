using System.Runtime.Serialization;
using Octokit;
using Octokit.Internal;
using RaxxPreflight.Http;
using RaxxPreflight.Secrets;

namespace RaxxPreflight.GitHub;

/// <summary>Reads GitHub through Octokit, over the run's guarded pipeline.</summary>
public sealed class GitHubReader
{
    /// <summary>How messages name this service.</summary>
    public const string Service = "GitHub API";

    private readonly GitHubClient client;

    /// <summary>Reads <paramref name="baseUrl"/> as given (no <c>/api/v3/</c> added) with <paramref name="token"/>.</summary>
    public GitHubReader(Uri baseUrl, SecretValue token, TimeSpan timeout, HostResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(token);
        var connection = new Connection(
            new Octokit.ProductHeaderValue("RaxxPreflight"),
            baseUrl,
            new InMemoryCredentialStore(new Credentials(token.Reveal(), AuthenticationType.Bearer)),
            new HttpClientAdapter(() => new JsonAnswerHandler(HttpPipeline.CreateHandler(resolution), Service)),
            new SimpleJsonSerializer()
        );
        connection.SetRequestTimeout(timeout);
        client = new GitHubClient(connection);
    }

    /// <summary>The environment with its protection rules.</summary>
    public Task<GitHubEnvironmentInfo> GetEnvironmentAsync(string owner, string repo, string environment) =>
        Call(
            $"GET repos/{owner}/{repo}/environments/{environment}",
            async () =>
                (
                    await client
                        .Connection.Get<GitHubEnvironmentInfo>(
                            new Uri($"repos/{owner}/{repo}/environments/{Uri.EscapeDataString(environment)}", UriKind.Relative),
                            null
                        )
                        .ConfigureAwait(false)
                ).Body
        );

    /// <summary>A file's text at <paramref name="reference"/>.</summary>
    public Task<string> GetFileAsync(string owner, string repo, string path, string reference) =>
        Call(
            $"GET repos/{owner}/{repo}/contents/{path}?ref={reference}",
            async () =>
            {
                var contents = await client.Repository.Content.GetAllContentsByRef(owner, repo, path, reference).ConfigureAwait(false);
                return contents.Count == 1 && contents[0].Content is { } text
                    ? text
                    : throw new RemoteServiceException(
                        $"{Service}: {path} at {reference} in {owner}/{repo} is not a file: check github.workflow in the config"
                    );
            }
        );

    /// <summary>The newest successful run of <paramref name="workflowFile"/> on <paramref name="branch"/>, if any.</summary>
    public Task<DeployRun?> GetNewestSuccessfulRunAsync(string owner, string repo, string workflowFile, string branch) =>
        Call(
            $"GET repos/{owner}/{repo}/actions/workflows/{workflowFile}/runs?branch={branch}&status=success",
            async () =>
            {
                var request = new WorkflowRunsRequest { Branch = branch, Status = CheckRunStatusFilter.Success };
                var runs = await client
                    .Actions.Workflows.Runs.ListByWorkflow(
                        owner,
                        repo,
                        workflowFile,
                        request,
                        new ApiOptions
                        {
                            PageCount = 1,
                            PageSize = 20,
                            StartPage = 1,
                        }
                    )
                    .ConfigureAwait(false);

                // GitHub filters and lists the newest first; filter and order here too rather than trust the page.
                return runs
                    .WorkflowRuns.Where(r => r.Conclusion?.StringValue == "success" && (r.HeadBranch is null || r.HeadBranch == branch))
                    .OrderByDescending(r => r.CreatedAt)
                    .Select(r =>
                        (DeployRun?)
                            new DeployRun(
                                r.RunNumber,
                                r.HeadSha,
                                r.HeadBranch,
                                r.Event,
                                r.Conclusion?.StringValue,
                                r.CreatedAt,
                                Uri.TryCreate(r.HtmlUrl, UriKind.Absolute, out var url) ? url : null
                            )
                    )
                    .FirstOrDefault();
            }
        );

    /// <summary>The commit <paramref name="branch"/> points at.</summary>
    public Task<string> GetHeadShaAsync(string owner, string repo, string branch) =>
        Call(
            $"GET repos/{owner}/{repo}/commits/{branch}",
            async () =>
            {
                try
                {
                    return (await client.Repository.Commit.Get(owner, repo, branch).ConfigureAwait(false)).Sha;
                }
                catch (NotFoundException)
                {
                    // The branch's ref says the same where the commits endpoint is not served.
                    return (await client.Git.Reference.Get(owner, repo, $"heads/{branch}").ConfigureAwait(false)).Object.Sha;
                }
            }
        );

    private static async Task<T> Call<T>(string request, Func<Task<T>> read)
    {
        var givingUp = RetryLog.WatchGivingUp();
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (ApiException e)
        {
            throw GitHubErrors.From(e, request, givingUp.Last);
        }
        catch (RedirectRefusedException e)
        {
            throw new RemoteServiceException(e.For(Service), e);
        }
        catch (HttpRequestException e)
        {
            throw new RemoteServiceException(
                $"{Service} could not be reached for {request} ({e.Message}): check GITHUB_API_URL and the network",
                e
            );
        }
        catch (TaskCanceledException e)
        {
            throw new RemoteServiceException(
                $"{Service} did not answer {request} in time: check https://www.githubstatus.com and run again",
                e
            );
        }
        catch (Exception e)
            when (e
                    is FormatException
                        or InvalidCastException
                        or ArgumentException
                        or SerializationException
                        or InvalidOperationException
                        or NullReferenceException
                        or System.Text.Json.JsonException
                && e is not ReadOnlyViolationException
            )
        {
            throw new RemoteServiceException(
                $"{Service} answered {request} with a body that could not be read ({Unreadable(e)}): the API is misbehaving or a proxy answered; check the API URL and https://www.githubstatus.com, then run again",
                e
            );
        }
    }

    // What was wrong with a body, in words: the type of a serializer's exception means nothing to an operator.
    private static string Unreadable(Exception e) =>
        e switch
        {
            System.Text.Json.JsonException or SerializationException => "not well-formed JSON",
            FormatException or InvalidCastException => "a field of the wrong type",
            _ => "not the shape the API documents",
        };
}
