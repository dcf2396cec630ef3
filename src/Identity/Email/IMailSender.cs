using MimeKit;

namespace GonPortal.Identity.Email;

/// <summary>Delivers one message. Named apart from ASP.NET Identity's IEmailSender, whose shape is tied to its UI.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}
