using System.Net;
using Octokit;
using RaxxPreflight.Http;

namespace RaxxPreflight.GitHub;

/// <summary>Turns Octokit's exceptions into one line that names the request, the status and what to do.</summary>
internal static class GitHubErrors
{
    public static RemoteServiceException From(ApiException e, string request, GivenUp? givenUp = null)
    {
        var status = (int)e.StatusCode;
        // The API's own words may echo the token or a value: mask every secret-shaped part before quoting them.
        var said = string.IsNullOrWhiteSpace(e.ApiError?.Message)
            ? string.Empty
            : $" (\"{Secrets.SecretPatterns.Mask(e.ApiError.Message)}\")";
        var todo = e switch
        {
            AuthorizationException => "the token in GITHUB_TOKEN was rejected: set a valid one (gh auth token)",
            RateLimitExceededException limit => $"the token's rate limit is used up until {limit.Reset:u}: wait and run again",
            ForbiddenException =>
                "GITHUB_TOKEN may not read this: give it actions:read, contents:read and environments read on the repository",
            NotFoundException =>
                "check github.repository, github.workflow and github.environment in the config, and that GITHUB_TOKEN can see the repository",
            _ when e.StatusCode == HttpStatusCode.TooManyRequests => "rate limited: wait a few minutes and run again",
            _ when status >= 500 => "GitHub is failing: check https://www.githubstatus.com and run again",
            _ => "the API answered something this checklist does not expect: run again, and report it if it stays",
        };
        var attempts = givenUp is null ? string.Empty : $" after {givenUp}";
        return new RemoteServiceException($"{GitHubReader.Service} answered {status} to {request}{said}{attempts}: {todo}", e)
        {
            StatusCode = status,
        };
    }
}
