using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace RaxxPreflight.Fakes.Servers;

/// <summary>
/// The certificate the fakes' TLS servers present (the apps' routers on herokuapp.com, logplex): self-signed, made
/// once per process, for the names they stand in for and for 127.0.0.1. Nothing trusts it by itself: a run trusts
/// it through <c>PREFLIGHT_RESOLVE_CERTIFICATE</c> (its SHA-256), on the connections <c>PREFLIGHT_RESOLVE</c>
/// redirects, and the Heroku CLI through <c>NODE_EXTRA_CA_CERTS</c>.
/// </summary>
public static class FakeCertificate
{
    private static readonly Lazy<X509Certificate2> Made = new(Make);

    /// <summary>The certificate, with its private key.</summary>
    public static X509Certificate2 Certificate => Made.Value;

    /// <summary>Its SHA-256, in hex: what <c>PREFLIGHT_RESOLVE_CERTIFICATE</c> pins.</summary>
    public static string Pin => Convert.ToHexString(SHA256.HashData(Certificate.RawData));

    /// <summary>It in PEM, for clients that take a file of extra trusted certificates.</summary>
    public static string Pem => Certificate.ExportCertificatePem();

    private static X509Certificate2 Make()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=raxx-preflight fakes", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("*.herokuapp.com");
        names.AddDnsName(LogplexFake.Host);
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        // Kestrel needs the key in a form it can use on every platform: through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }
}
