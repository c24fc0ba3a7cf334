using System.Text.Json;
using RaxxPreflight.Http;

namespace RaxxPreflight.Heroku;

/// <summary>Turns a Heroku error answer (<c>{"id","message","url"}</c>) into one line that says what to do.</summary>
internal static class HerokuErrors
{
    public static RemoteServiceException From(RemoteResponse response, GivenUp? givenUp = null)
    {
        var (id, quoted) = Read(response.Body);

        // The API's own words may echo the key or a value: mask every secret-shaped part before quoting them.
        var message = quoted is null ? null : Secrets.SecretPatterns.Mask(quoted);
        var attempts = givenUp is null ? string.Empty : $" after {givenUp}";
        var what =
            $"{HerokuClient.Service} answered {response.Status}{(id is null ? string.Empty : " " + id)} to {response.Request}{(message is null ? string.Empty : $" (\"{message}\")")}{attempts}";
        var todo = response.Status switch
        {
            401 => "the key in HEROKU_API_KEY was rejected: set a valid one (heroku auth:token)",
            403 => "the account behind HEROKU_API_KEY may not read this app: ask an app owner for access (heroku access --app <app>)",
            404 => "check the app names in the config (environments.*.app) and that HEROKU_API_KEY's account can see them",
            406 => "the request's Accept header was refused: this client needs updating",
            429 =>
                $"the account's rate limit is used up (RateLimit-Remaining: {response.Header("RateLimit-Remaining") ?? "?"}): wait a few minutes and run again",
            >= 500 => "Heroku is failing: check https://status.heroku.com and run again",
            _ => "the API answered something this checklist does not expect: run again, and report it if it stays",
        };
        return new RemoteServiceException($"{what}: {todo}") { StatusCode = response.Status };
    }

    private static (string? Id, string? Message) Read(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind != JsonValueKind.Object ? (null, null) : (JsonText.Of(root, "id"), JsonText.Of(root, "message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
