using System.Net;
using MimeKit;

namespace GonPortal.Identity.Email;

/// <summary>The Dutch messages Identity sends: an invitation with its activation link, and a password reset link.</summary>
public static class AccountEmails
{
    public const string InvitationSubject = "Uitnodiging voor GonPortal";
    public const string ResetSubject = "Nieuw wachtwoord voor GonPortal";

    public static MimeMessage Invitation(string email, string displayName, string organisationName, Uri link, TimeSpan lifetime) =>
        Message(email, displayName, InvitationSubject,
            $"""
            Beste {displayName},

            U bent uitgenodigd voor GonPortal namens {organisationName}.
            Kies via deze link uw wachtwoord en activeer uw account:

            {link}

            De link werkt één keer en is {Hours(lifetime)} geldig. Is de link verlopen? Vraag dan de beheerder van uw organisatie om een nieuwe uitnodiging.
            """);

    public static MimeMessage PasswordReset(string email, string displayName, Uri link) =>
        Message(email, displayName, ResetSubject,
            $"""
            Beste {displayName},

            Iemand heeft gevraagd om een nieuw wachtwoord voor uw GonPortal-account.
            Kiest u zelf een nieuw wachtwoord? Gebruik dan deze link:

            {link}

            De link is 24 uur geldig. Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.
            """);

    private static string Hours(TimeSpan lifetime) =>
        lifetime.TotalHours >= 1 ? $"{Math.Round(lifetime.TotalHours)} uur" : $"{Math.Max(1, Math.Round(lifetime.TotalMinutes))} minuten";

    private static MimeMessage Message(string email, string displayName, string subject, string text)
    {
        var message = new MimeMessage { Subject = subject };
        message.To.Add(new MailboxAddress(displayName, email));
        var body = new BodyBuilder
        {
            TextBody = text,
            HtmlBody = "<p>" + string.Join("</p><p>", text.Split("\n\n").Select(p => Linkify(WebUtility.HtmlEncode(p.Trim())))) + "</p>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Makes the one link in a paragraph clickable in the HTML part.</summary>
    private static string Linkify(string paragraph) =>
        paragraph.StartsWith("http", StringComparison.Ordinal) ? $"<a href=\"{paragraph}\">{paragraph}</a>" : paragraph.Replace("\n", "<br>");
}
