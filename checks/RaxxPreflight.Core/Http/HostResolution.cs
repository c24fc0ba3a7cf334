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

    private HostResolution(Dictionary<(string Host, int Port), IPEndPoint> map) => this.map = map;

    /// <summary>No overrides: every host resolves through DNS.</summary>
    public static HostResolution None { get; } = new([]);

    /// <summary>True when there is nothing to override.</summary>
    public bool IsEmpty => map.Count == 0;

    /// <summary>Parses <c>host:port=127.0.0.1:port;...</c>; only loopback targets are accepted.</summary>
    /// <exception cref="PreflightConfigException">An entry is malformed or does not point at loopback.</exception>
    public static HostResolution Parse(string? text)
    {
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

        return new HostResolution(map);
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
