using System.Text;
using QRCoder;

namespace GonPortal.Identity.TwoFactor;

/// <summary>How a shared key is shown to a person: in groups of four to type, and as a QR code to scan.</summary>
public static class AuthenticatorKey
{
    /// <summary>The issuer name authenticator apps show next to the account.</summary>
    public const string Issuer = "GonPortal";

    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(i == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToUpperInvariant();
    }

    /// <summary>The otpauth URI (Google Authenticator key-uri format) that every authenticator app reads.</summary>
    public static string Uri(string key, string account) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6";

    /// <summary>A PNG data URI: the Content-Security-Policy allows data: images, and no script is needed to draw it.</summary>
    public static string QrCodeDataUri(string key, string account)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Uri(key, account), QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
