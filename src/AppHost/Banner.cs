using System.Text;
using GonPortal.HostContracts;

namespace GonPortal.AppHost;

/// <summary>What a person needs once everything runs: the addresses and the demo logins.</summary>
internal static class Banner
{
    public static string Create(LaunchOptions options, string mailDirectory)
    {
        var rule = new string('=', 78);
        var text = new StringBuilder()
            .AppendLine()
            .AppendLine(rule)
            .AppendLine(" GonPortal is running.")
            .AppendLine()
            .AppendLine($"   Portal    {HostPlan.Local(options.PortalPort)}          <- open this in a browser")
            .AppendLine($"   Identity  {HostPlan.Local(options.IdentityPort)}          (OpenID Connect provider)")
            .AppendLine($"   Server    {HostPlan.Local(options.ServerGrpcPort)}          (gRPC, cleartext HTTP/2)")
            .AppendLine($"             {HostPlan.Local(options.ServerHttpPort)}/health   (HTTP/1.1: health)")
            .AppendLine($"             {HostPlan.Local(options.ServerHttpPort)}{JobsDashboardContract.Path} (jobs dashboard, gemeente administrators only)")
            .AppendLine()
            .AppendLine($"   E-mail    {mailDirectory}")
            .AppendLine("             (invitations and password-reset links, as .eml files; no mail server needed)")
            .AppendLine()
            .AppendLine($" Demo users - every one has the password  {DemoData.Password}");

        var emailWidth = DemoData.Users.Max(u => u.Email.Length);
        var organisationWidth = DemoData.Organisations.Max(o => o.Name.Length);
        foreach (var user in DemoData.Users)
        {
            var organisation = DemoData.Organisation(user.OrganisationId);
            var administrator = !user.IsAdministrator ? ""
                : organisation.Kind == OrganisationKind.Gemeente ? " + administrator (organisations, people, jobs dashboard)"
                : " + administrator (own people)";
            var code = DemoData.NeedsAuthenticatorCode(user) ? " *" : "";
            text.AppendLine($"   {user.Email.PadRight(emailWidth)}  {organisation.Name.PadRight(organisationWidth)}  {organisation.Role}{administrator}{code}");
        }

        text.AppendLine($"   * needs a code from an authenticator app after the password (two-factor); add this demo key to the app:")
            .AppendLine($"     {Grouped(DemoData.AuthenticatorKey)}  (time-based, 6 digits, 30 seconds)");

        text.AppendLine()
            .AppendLine($" Machine clients (client credentials, scope {GonScopes.Api}; token endpoint at Identity)");
        var clientWidth = DemoData.MachineClients.Max(c => c.ClientId.Length);
        var secretWidth = DemoData.MachineClients.Max(c => c.ClientSecret.Length);
        foreach (var client in DemoData.MachineClients)
        {
            var organisation = DemoData.Organisation(client.OrganisationId);
            text.AppendLine($"   {client.ClientId.PadRight(clientWidth)}  secret {client.ClientSecret.PadRight(secretWidth)}  {organisation.Role}");
        }

        return text.AppendLine()
            .AppendLine(" Press Ctrl+C to stop all three.")
            .Append(rule)
            .ToString();
    }

    private static string Grouped(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4)))));
}
