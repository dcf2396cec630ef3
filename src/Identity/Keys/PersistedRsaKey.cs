using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace GonPortal.Identity.Keys;

/// <summary>
/// An RSA key kept as a PEM file. Used when no certificate is configured: OpenIddict's development
/// certificates need a writable X.509 user store and ephemeral keys die with the process, which
/// would invalidate every issued token, refresh token and the Server's cached JWKS on each restart.
/// A key generated once and stored next to the database survives restarts on any fresh machine.
/// </summary>
internal static class PersistedRsaKey
{
    private const int KeySizeInBits = 2048;

    public static RsaSecurityKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            TryCreate(path);
        }

        return FromPem(File.ReadAllText(path));
    }

    /// <summary>The key in a PEM text (a file's or <see cref="SharedKeyStore"/>'s).</summary>
    public static RsaSecurityKey FromPem(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        var key = new RsaSecurityKey(rsa);

        // A stable key id lets relying parties match tokens to the JWKS entry across restarts (and instances).
        key.KeyId = Base64UrlEncoder.Encode(JsonWebKeyConverter.ConvertFromRSASecurityKey(key).ComputeJwkThumbprint());
        return key;
    }

    /// <summary>A new private key as PEM.</summary>
    public static string NewPem()
    {
        using var rsa = RSA.Create(KeySizeInBits);
        return rsa.ExportRSAPrivateKeyPem();
    }

    private static void TryCreate(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, NewPem());
        if (!OperatingSystem.IsWindows())
        {
            // Private key material: readable by the service account only.
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Publish atomically; if another process (a parallel test host) won the race, keep its key.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}
