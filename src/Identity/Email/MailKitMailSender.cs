using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GonPortal.Identity.Email;

/// <summary>
/// Sends through the configured SMTP server with MailKit; without a host, writes the message as an .eml
/// file to the pickup directory and logs where, so a local run needs no mail server.
/// </summary>
internal sealed class MailKitMailSender(IOptions<EmailSettings> options, IHostEnvironment environment, ILogger<MailKitMailSender> logger) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var settings = options.Value;
        if (message.From.Count == 0)
        {
            message.From.Add(MailboxAddress.Parse(settings.Smtp.From));
        }

        if (!string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            await SendSmtpAsync(settings.Smtp, message, ct);
            return;
        }

        if (string.IsNullOrWhiteSpace(settings.PickupDirectory))
        {
            throw new InvalidOperationException("No e-mail delivery is configured: set Email:Smtp:Host or Email:PickupDirectory.");
        }

        var folder = PickupFolder(settings, environment.ContentRootPath)!;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, ct);
        logger.LogInformation("E-mail \"{Subject}\" written to {File} (no SMTP host configured)", message.Subject, file);
    }

    /// <summary>The full pickup path, or null when SMTP is used; the AppHost prints the same folder.</summary>
    public static string? PickupFolder(EmailSettings settings, string contentRoot) =>
        string.IsNullOrWhiteSpace(settings.Smtp.Host) && !string.IsNullOrWhiteSpace(settings.PickupDirectory)
            ? Path.GetFullPath(settings.PickupDirectory, contentRoot)
            : null;

    private static async Task SendSmtpAsync(SmtpSettings smtp, MimeMessage message, CancellationToken ct)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
