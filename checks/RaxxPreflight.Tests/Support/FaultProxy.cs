using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using RaxxPreflight.Http;

namespace RaxxPreflight.Tests.Support;

/// <summary>One fault a service or the network can throw at the checklist, by the name the fault matrix gives it.</summary>
internal static class Faults
{
    public const string Unauthorized = "401";
    public const string Forbidden = "403";
    public const string NotFound = "404";
    public const string TooManyRequests = "429";
    public const string ServerError = "500";
    public const string UnavailableOnce = "503-once";
    public const string UnavailableAlways = "503-always";
    public const string Refused = "refused";
    public const string NoAnswer = "no-answer";
    public const string MalformedJson = "malformed-json";
    public const string HtmlWith200 = "html-200";
    public const string Truncated = "truncated";
    public const string Oversized = "oversized";
    public const string RedirectElsewhere = "redirect-elsewhere";
    public const string RedirectOfThePost = "redirect-post";

    public static readonly string[] All =
    [
        Unauthorized,
        Forbidden,
        NotFound,
        TooManyRequests,
        ServerError,
        UnavailableOnce,
        UnavailableAlways,
        Refused,
        NoAnswer,
        MalformedJson,
        HtmlWith200,
        Truncated,
        Oversized,
        RedirectElsewhere,
        RedirectOfThePost,
    ];

    /// <summary>The HTTP status a status fault answers; null for the others.</summary>
    public static int? Status(string fault) =>
        fault switch
        {
            Unauthorized or Forbidden or NotFound or TooManyRequests or ServerError => int.Parse(
                fault,
                System.Globalization.CultureInfo.InvariantCulture
            ),
            UnavailableAlways or UnavailableOnce => 503,
            _ => null,
        };
}

/// <summary>
/// A loopback port that refuses every connection for as long as this lives: bound, never listening. A port only bound
/// and let go (as this once was) can be taken by any other listener of a busy machine, a test's server or a checklist
/// run's own, and then a "refused" fault answers instead.
/// </summary>
internal sealed class RefusingPort : IAsyncDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public RefusingPort() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public int Port => ((IPEndPoint)socket.LocalEndPoint!).Port;

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// An HTTP server in front of a fake (Kestrel; speaking TLS with the fakes' certificate when the fake does) that answers
/// the requests <c>faulted</c> selects with one fault, and passes every other request through to the fake unchanged
/// (its Host header kept, so routers behind host resolution still answer). Error bodies echo the request's
/// Authorization header, as a careless API does: the checklist must mask it.
/// </summary>
internal sealed class FaultProxy : IAsyncDisposable
{
    // It forwards to the fakes, whose TLS servers present the fakes' certificate.
    private static readonly HttpClient Forwarder = new(FakesTls.Handler()) { Timeout = TimeSpan.FromSeconds(30) };

    private readonly Microsoft.AspNetCore.Builder.WebApplication? app;
    private readonly Uri target;
    private readonly string fault;
    private readonly Func<string, string, bool> faulted;
    private readonly Uri elsewhere;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, bool> answeredOnce = new(StringComparer.Ordinal);
    private readonly RefusingPort? refusing;

    private FaultProxy(Uri target, string fault, Func<string, string, bool> faulted, Uri elsewhere, bool tls)
    {
        this.target = target;
        this.fault = fault;
        this.faulted = faulted;
        this.elsewhere = elsewhere;
        Tls = tls;
        if (fault == Faults.Refused)
        {
            refusing = new RefusingPort();
            return;
        }

        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(
                IPAddress.Loopback,
                0,
                listen =>
                {
                    if (tls)
                    {
                        listen.UseHttps(RaxxPreflight.Fakes.Servers.FakeCertificate.Certificate);
                    }
                }
            )
        );
        app = builder.Build();
        app.Run(context => AnswerAsync(context));
    }

    /// <summary>The loopback port it listens on (for <see cref="Faults.Refused"/>, one that refuses every connection).</summary>
    public int Port => refusing?.Port ?? new Uri(app!.Urls.Single()).Port;

    /// <summary>Whether it speaks TLS.</summary>
    public bool Tls { get; }

    /// <summary>Its base URL.</summary>
    public Uri Url => new($"{(Tls ? "https" : "http")}://127.0.0.1:{Port}/");

    /// <summary>Every request it received: method, path and query, and the Authorization header when one came.</summary>
    public ConcurrentQueue<(string Method, string PathAndQuery, string? Authorization)> Received { get; } = new();

    /// <summary>
    /// Starts a proxy of <paramref name="target"/> that answers <paramref name="fault"/> to every request for which
    /// <paramref name="faulted"/>(method, path) holds; a redirect elsewhere points at <paramref name="elsewhere"/>.
    /// It speaks TLS when the target does.
    /// </summary>
    public static async Task<FaultProxy> StartAsync(Uri target, string fault, Func<string, string, bool> faulted, Uri elsewhere)
    {
        var proxy = new FaultProxy(target, fault, faulted, elsewhere, target.Scheme == Uri.UriSchemeHttps);
        if (proxy.app is not null)
        {
            await proxy.app.StartAsync();
        }

        return proxy;
    }

    private async Task AnswerAsync(Microsoft.AspNetCore.Http.HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var pathAndQuery = $"{request.Path}{request.QueryString}";
        var authorization = request.Headers.Authorization.FirstOrDefault();
        Received.Enqueue((request.Method, pathAndQuery, authorization));
        try
        {
            if (
                !faulted(request.Method, request.Path)
                || (fault == Faults.UnavailableOnce && !answeredOnce.TryAdd($"{request.Method} {pathAndQuery}", true))
            )
            {
                await ForwardAsync(context, truncate: false);
                return;
            }

            switch (fault)
            {
                case Faults.NoAnswer:
                    using (var both = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token, context.RequestAborted))
                    {
                        await Task.Delay(Timeout.Infinite, both.Token);
                    }

                    break;
                case Faults.MalformedJson:
                    await WriteAsync(response, 200, "application/json; charset=utf-8", "{\"name\": \"raxx-queue-prod\", \"status\": ");
                    break;
                case Faults.HtmlWith200:
                    await WriteAsync(response, 200, "text/html; charset=utf-8", "<html>\n<body>Sign in to continue</body>\n</html>\n");
                    break;
                case Faults.Truncated:
                    await ForwardAsync(context, truncate: true);
                    break;
                case Faults.Oversized:
                    await OversizeAsync(response);
                    break;
                case Faults.RedirectElsewhere:
                    response.StatusCode = 302;
                    response.Headers.Location = new Uri(elsewhere, pathAndQuery.TrimStart('/')).ToString();
                    break;
                case Faults.RedirectOfThePost:
                    // Heroku's rollback endpoint: a POST that followed this would write to prod.
                    response.StatusCode = 307;
                    response.Headers.Location = "/apps/raxx-queue-prod/releases";
                    break;
                default:
                    var status = Faults.Status(fault) ?? 500;
                    if (status == 429)
                    {
                        response.Headers["Retry-After"] = "1";
                        response.Headers["RateLimit-Remaining"] = "0";
                    }

                    // Every API's error shape at once, echoing the credential and the request.
                    var echo = $"refused {authorization} for {request.Method} {pathAndQuery}".Replace("\"", "'", StringComparison.Ordinal);
                    await WriteAsync(
                        response,
                        status,
                        "application/json; charset=utf-8",
                        $"{{\"id\":\"fault_{status}\",\"message\":\"{echo}\",\"error\":{{\"message\":\"{echo}\",\"type\":\"api_error\"}}}}"
                    );
                    break;
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or HttpRequestException or InvalidOperationException)
        {
            context.Abort();
        }
    }

    // The fake's own answer; or, to truncate, that answer with a Content-Length promising all of it, cut halfway.
    private async Task ForwardAsync(Microsoft.AspNetCore.Http.HttpContext context, bool truncate)
    {
        var request = context.Request;
        using var forward = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(target, $"{request.Path}{request.QueryString}"));
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, stopping.Token);
            forward.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (name is "Host" or "Content-Length" or "Connection" or "Transfer-Encoding" or "Expect")
            {
                continue;
            }

            if (!forward.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forward.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        forward.Headers.Host = request.Host.Value;
        using var answer = await Forwarder.SendAsync(forward, stopping.Token);
        var bytes = await answer.Content.ReadAsByteArrayAsync(stopping.Token);
        var response = context.Response;
        response.StatusCode = truncate ? 200 : (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (name is "Transfer-Encoding" or "Content-Length" or "Connection" or "Keep-Alive")
            {
                continue;
            }

            response.Headers[name] = values.ToArray();
        }

        response.ContentLength = Math.Max(bytes.Length, 2);
        if (!truncate)
        {
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, stopping.Token);
            return;
        }

        // The headers and half the body go out; then the handler ends short of its Content-Length, and Kestrel, unable to
        // complete the answer, closes the connection: the client meets the end of the stream mid-body.
        await response.StartAsync(stopping.Token);
        await response.Body.WriteAsync(bytes.AsMemory(0, Math.Max(1, bytes.Length / 2)), stopping.Token);
        await response.Body.FlushAsync(stopping.Token);
    }

    private async Task OversizeAsync(Microsoft.AspNetCore.Http.HttpResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        var size = RemoteResponse.MaxBody + (1 << 20);
        response.ContentLength = size;
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        await response.Body.WriteAsync("["u8.ToArray(), stopping.Token);
        for (var written = 1; written < size - 1; written += chunk.Length)
        {
            await response.Body.WriteAsync(chunk.AsMemory(0, Math.Min(chunk.Length, size - 1 - written)), stopping.Token);
        }

        await response.Body.WriteAsync("]"u8.ToArray(), stopping.Token);
    }

    private async Task WriteAsync(Microsoft.AspNetCore.Http.HttpResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, stopping.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (refusing is not null)
        {
            await refusing.DisposeAsync();
        }

        stopping.Dispose();
    }
}

/// <summary>
/// A TCP server where a Postgres server should be: holds every connection without a word (<see cref="Faults.NoAnswer"/>),
/// answers an HTML page (<see cref="Faults.HtmlWith200"/>), bytes that are no protocol (<see cref="Faults.MalformedJson"/>),
/// or cuts each connection at once (<see cref="Faults.Truncated"/>).
/// </summary>
internal sealed class TcpFault : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string fault;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentBag<TcpClient> held = [];

    private TcpFault(string fault)
    {
        this.fault = fault;
        listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>The loopback port it listens on.</summary>
    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Starts one.</summary>
    public static TcpFault Start(string fault) => new(fault);

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    var stream = client.GetStream();
                    switch (fault)
                    {
                        case Faults.NoAnswer:
                            held.Add(client);
                            return;
                        case Faults.HtmlWith200:
                            await stream.WriteAsync(
                                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>Sign in</body></html>"u8.ToArray(),
                                stopping.Token
                            );
                            break;
                        case Faults.MalformedJson:
                            await stream.WriteAsync(new byte[] { 0x00, 0xff, 0x13, 0x37, 0x7b, 0x22, 0x00, 0x00 }, stopping.Token);
                            break;
                        default:
                            break;
                    }

                    client.Dispose();
                }
                catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    client.Dispose();
                }
            });
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        foreach (var client in held)
        {
            client.Dispose();
        }

        stopping.Dispose();
    }
}
