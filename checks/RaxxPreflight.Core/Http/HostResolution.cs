using System.Globalization;
using System.Net;
using RaxxPreflight.Configuration;

namespace RaxxPreflight.Http;

/// <summary>
/// <c>PREFLIGHT_RESOLVE</c>: hosts whose connections go to a loopback address instead, as curl's
/// <c>--resolve host:port=addr:port</c> does. It lets the apps' real-shaped herokuapp.com web URLs reach
/// local fakes; the URL, Host header and paths stay exactly as they would be live.
/// </summary>
public sealed class HostResolution
{
    /// <summary>The environment variable.</summary>
    public const string Variable = Settings.Resolve;

    private readonly Dictionary<(string Host, int Port), IPEndPoint> map;
    private readonly string? certificate;

    private HostResolution(Dictionary<(string Host, int Port), IPEndPoint> map, string? certificate = null)
    {
        this.map = map;
        this.certificate = certificate;
    }

    /// <summary>No overrides: every host resolves through DNS.</summary>
    public static HostResolution None { get; } = new([]);

    /// <summary>Whether a certificate is pinned for the redirected hosts (<c>PREFLIGHT_RESOLVE_CERTIFICATE</c>).</summary>
    public bool PinsACertificate => certificate is not null;

    /// <summary>
    /// Whether <paramref name="presented"/> is the pinned certificate and <paramref name="host"/> one of the redirected
    /// hosts: the fakes' certificate is trusted on the connections that go to the fakes, and nowhere else.
    /// </summary>
    public bool Trusts(string? host, System.Security.Cryptography.X509Certificates.X509Certificate? presented)
    {
        if (certificate is null || presented is null || host is null)
        {
            return false;
        }

        var redirected = map.Keys.Any(k => string.Equals(k.Host, host, StringComparison.OrdinalIgnoreCase));
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(presented.GetRawCertData()));
        return redirected && string.Equals(hash, certificate, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when there is nothing to override.</summary>
    public bool IsEmpty => map.Count == 0;

    /// <summary>
    /// Parses <c>host:port=127.0.0.1:port;...</c>; only loopback targets are accepted. <paramref name="certificate"/>, the
    /// SHA-256 (hex) of the certificate those targets present, is trusted for them alone.
    /// </summary>
    /// <exception cref="PreflightConfigException">An entry is malformed or does not point at loopback, or the pin is no SHA-256.</exception>
    public static HostResolution Parse(string? text, string? certificate = null)
    {
        if (certificate is not null && (certificate.Length != 64 || !certificate.All(Uri.IsHexDigit)))
        {
            throw new PreflightConfigException($"{Settings.ResolveCertificate} is not a certificate's SHA-256 (64 hex digits)");
        }

        var map = new Dictionary<(string, int), IPEndPoint>();
        foreach (var entry in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var sides = entry.Split('=', 2);
            if (
                sides.Length != 2
                || !TrySplit(sides[0], out var host, out var port)
                || !IPEndPoint.TryParse(sides[1], out var target)
                || target.Port == 0
            )
            {
                throw new PreflightConfigException($"{Variable} entry \"{entry}\" is not host:port=127.0.0.1:port");
            }

            if (!IPAddress.IsLoopback(target.Address))
            {
                throw new PreflightConfigException(
                    $"{Variable} entry \"{entry}\" points away from this machine: only loopback addresses may stand in for a host"
                );
            }

            map[(host.ToUpperInvariant(), port)] = target;
        }

        return new HostResolution(map, certificate is null ? null : certificate.ToUpperInvariant());
    }

    /// <summary>The loopback endpoint that stands in for <paramref name="host"/>:<paramref name="port"/>, if any.</summary>
    public IPEndPoint? Find(string host, int port) =>
        map.TryGetValue(((host ?? string.Empty).ToUpperInvariant(), port), out var target) ? target : null;

    private static bool TrySplit(string text, out string host, out int port)
    {
        var colon = text.LastIndexOf(':');
        host = colon > 0 ? text[..colon] : string.Empty;
        return int.TryParse(colon > 0 ? text[(colon + 1)..] : string.Empty, NumberStyles.None, CultureInfo.InvariantCulture, out port)
            && port is > 0 and < 65536;
    }
}
