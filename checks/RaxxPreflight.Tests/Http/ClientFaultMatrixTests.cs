using RaxxPreflight.Http;
using RaxxPreflight.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace RaxxPreflight.Tests.Http;

/// <summary>
/// Each API client against each fault a service or the network can throw at it: one line naming the service,
/// what went wrong and what to do; never the credential; never longer than the call's bound; a 503 once passes.
/// </summary>
public sealed class ClientFaultMatrixTests : IDisposable
{
    private const string Key = "HRKU-matrix-key-0123456789abcdef";
    private const string Token = "ghp_matrixtoken0123456789abcdefABCDEF01";
    private readonly WireMockServer server = WireMockServer.Start();
    private readonly RefusingPort refusing = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Cells()
    {
        var cells = new TheoryData<string, string>();
        foreach (var service in new[] { "heroku", "github", "stripe" })
        {
            foreach (
                var fault in new[]
                {
                    "401",
                    "403",
                    "404",
                    "429",
                    "500",
                    "503-once",
                    "503-always",
                    "refused",
                    "malformed-json",
                    "html-200",
                    "truncated",
                    "oversized",
                    "redirect-elsewhere",
                }
            )
            {
                cells.Add(service, fault);
            }
        }

        return cells;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Every_fault_is_one_line_naming_the_service_and_never_the_credential(string service, string fault)
    {
        var path = service switch
        {
            "heroku" => "/apps/raxx-queue-prod",
            "github" => "/repos/raxx-app/TradeMasterAPI/environments/production",
            _ => "/v1/balance",
        };
        var baseUrl = Inject(fault, path, Ok(service));
        Func<Task> call = service switch
        {
            "heroku" => () => RealClients.Heroku(baseUrl, Key).GetAppAsync("raxx-queue-prod", ct),
            "github" => () => RealClients.GitHub(baseUrl, Token).GetEnvironmentAsync("raxx-app", "TradeMasterAPI", "production"),
            _ => () =>
                RealClients.Stripe(baseUrl).CheckKeyAsync(new RaxxPreflight.Secrets.SecretValue("sk_live_51MatrixKey0123456789"), ct),
        };

        if (fault == "503-once")
        {
            await call();
            return;
        }

        // Stripe's refusal of a key is the item's verdict, not an error: it must name the status and not the key.
        if (service == "stripe" && fault is "401" or "403")
        {
            var check = await RealClients
                .Stripe(baseUrl)
                .CheckKeyAsync(new RaxxPreflight.Secrets.SecretValue("sk_live_51MatrixKey0123456789"), ct);
            check.Status.ShouldBe(int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture));
            check.Refusal.ShouldNotBeNull().ShouldNotContain("sk_live_51MatrixKey0123456789");
            return;
        }

        var error = await Should.ThrowAsync<Exception>(call);
        var message = error.Message;
        message.ShouldContain(
            service switch
            {
                "heroku" => "Heroku API",
                "github" => "GitHub API",
                _ => "Stripe API",
            }
        );
        message.ShouldNotContain("\n");
        foreach (var secret in new[] { Key, Token, "sk_live_51MatrixKey0123456789" })
        {
            message.ShouldNotContain(secret);
        }

        var expected = fault switch
        {
            "refused" => "could not be reached",
            "401" or "403" or "404" or "429" or "500" or "503-always" => fault[..3],
            "redirect-elsewhere" => "404",
            _ => null,
        };
        if (expected is not null)
        {
            message.ShouldContain(expected);
        }

        error.ShouldBeAssignableTo<RemoteServiceException>(error.GetType().Name + ": " + message);
    }

    private Uri Inject(string fault, string path, string ok)
    {
        if (fault == "refused")
        {
            return new Uri($"http://127.0.0.1:{refusing.Port}/");
        }

        var request = Request.Create().WithPath(path).UsingGet();
        var json = "application/json; charset=utf-8";
        switch (fault)
        {
            case "503-once":
                server
                    .Given(request)
                    .InScenario("once")
                    .WillSetStateTo("ok")
                    .RespondWith(Response.Create().WithStatusCode(503).WithBody("{}"));
                server
                    .Given(request)
                    .InScenario("once")
                    .WhenStateIs("ok")
                    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", json).WithBody(ok));
                break;
            case "503-always":
                server
                    .Given(request)
                    .RespondWith(Response.Create().WithStatusCode(503).WithHeader("Content-Type", json).WithBody("{\"message\":\"down\"}"));
                break;
            case "429":
                server
                    .Given(request)
                    .RespondWith(
                        Response
                            .Create()
                            .WithStatusCode(429)
                            .WithHeader("Retry-After", "0")
                            .WithHeader("Content-Type", json)
                            .WithBody("{\"message\":\"slow down\"}")
                    );
                break;
            case "malformed-json":
                server
                    .Given(request)
                    .RespondWith(
                        Response.Create().WithStatusCode(200).WithHeader("Content-Type", json).WithBody("{\"name\": \"raxx-queue-prod\",")
                    );
                break;
            case "html-200":
                server
                    .Given(request)
                    .RespondWith(
                        Response
                            .Create()
                            .WithStatusCode(200)
                            .WithHeader("Content-Type", "text/html")
                            .WithBody("<html><body>sign in</body></html>")
                    );
                break;
            case "truncated":
                server
                    .Given(request)
                    .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", json).WithBody(ok[..(ok.Length / 2)]));
                break;
            case "oversized":
                server
                    .Given(request)
                    .RespondWith(
                        Response
                            .Create()
                            .WithStatusCode(200)
                            .WithHeader("Content-Type", json)
                            .WithBody("[" + new string(' ', RemoteResponse.MaxBody + 10) + "]")
                    );
                break;
            case "redirect-elsewhere":
                // To another host: followed without the credential, which that host then refuses (404 here).
                server
                    .Given(request)
                    .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", $"http://localhost:{server.Port}/elsewhere"));
                server
                    .Given(Request.Create().WithPath("/elsewhere"))
                    .RespondWith(
                        Response
                            .Create()
                            .WithStatusCode(404)
                            .WithHeader("Content-Type", json)
                            .WithBody("{\"id\":\"not_found\",\"message\":\"Not Found\"}")
                    );
                break;
            default:
                // An error status, its body echoing the credential as some APIs do.
                server
                    .Given(request)
                    .RespondWith(
                        Response
                            .Create()
                            .WithStatusCode(int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture))
                            .WithHeader("Content-Type", json)
                            .WithBody(
                                $"{{\"id\":\"e\",\"message\":\"refused {Key} {Token}\",\"error\":{{\"message\":\"refused sk_live_51MatrixKey0123456789\",\"type\":\"invalid_request_error\"}}}}"
                            )
                    );
                break;
        }

        return new Uri(server.Url + "/");
    }

    private static string Ok(string service) =>
        service switch
        {
            "heroku" =>
                "{\"id\":\"0d4f6e2a-3b1c-4a5d-9e8f-327fa047b4b6\",\"name\":\"raxx-queue-prod\",\"web_url\":\"https://raxx-queue-prod-327fa047b4b6.herokuapp.com/\"}",
            "github" => "{\"id\":1,\"name\":\"production\",\"protection_rules\":[]}",
            _ => "{\"object\":\"balance\",\"livemode\":true,\"available\":[],\"pending\":[]}",
        };

    /// <inheritdoc />
    public void Dispose()
    {
        server.Stop();
        refusing.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
