using System.Security.Cryptography.X509Certificates;
using GonPortal.Identity.Configuration;

namespace GonPortal.Identity.Keys;

/// <summary>Loads a configured PKCS#12 (.pfx) certificate, failing loudly if it is unusable.</summary>
internal static class CertificateFile
{
    public static X509Certificate2? TryLoad(CertificateSettings settings, string contentRoot, string purpose)
    {
        if (string.IsNullOrWhiteSpace(settings.Path))
        {
            return null;
        }

        var path = Path.GetFullPath(settings.Path, contentRoot);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The {purpose} certificate '{path}' does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.Password);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The {purpose} certificate '{path}' has no private key.");
    }
}
