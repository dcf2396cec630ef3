namespace GonPortal.Identity.Email;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailSettings
{
    public const string SectionName = "Email";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>
    /// Used when no SMTP host is set: each message becomes an .eml file here (relative to the content root),
    /// so a local run shows the invitation and reset links without a mail server.
    /// </summary>
    public string? PickupDirectory { get; set; } = ".data/mail";
}

/// <summary><c>Email:Smtp</c>: the mail server that delivers in a real deployment.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>Sender, e.g. <c>GonPortal &lt;no-reply@gemeente.example&gt;</c>.</summary>
    public string From { get; set; } = "GonPortal <no-reply@gonportal.local>";

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS (required when set); off for a local relay or test listener.</summary>
    public bool UseStartTls { get; set; }
}
