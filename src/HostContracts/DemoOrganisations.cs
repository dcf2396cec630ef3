namespace GonPortal.HostContracts;

/// <summary>Kind of organisation behind a tenant. Written by name in JSON (the admin API).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<OrganisationKind>))]
public enum OrganisationKind
{
    Gemeente,
    Wij,
    Hoofdaanbieder,
    Onderaannemer,
}

/// <summary>A demo organisation: the tenant id is shared by Identity (users) and Server (providers).</summary>
public sealed record DemoOrganisation(Guid Id, string Name, OrganisationKind Kind, string? KvkNumber, string? AgbCode, IReadOnlyList<int> AreaIds)
{
    /// <summary>The role every user of this organisation gets.</summary>
    public string Role => Kind switch
    {
        OrganisationKind.Gemeente => GonRoles.Gemeente,
        OrganisationKind.Wij => GonRoles.Wij,
        OrganisationKind.Hoofdaanbieder => GonRoles.Hoofdaanbieder,
        _ => GonRoles.Onderaannemer,
    };
}

/// <summary>A demo person who can sign in to the portal; an administrator manages the people of their own organisation.</summary>
public sealed record DemoUser(string Email, string DisplayName, Guid OrganisationId, bool IsAdministrator = false);

/// <summary>A demo machine client (a provider's care system, ECD) using client credentials.</summary>
public sealed record DemoMachineClient(string ClientId, string ClientSecret, string DisplayName, Guid OrganisationId);

/// <summary>
/// Fixed demo data. The ids are constants so Identity and Server, each with its own database,
/// agree on which tenant a user belongs to. Names are fictional.
/// Areas: 1 Centrum, Oude Wijken; 2 West; 3 Oost en Ten Boer; 4 Zuid en Haren.
/// </summary>
public static class DemoData
{
    /// <summary>Password of every demo user. Demo only; the run command prints it.</summary>
    public const string Password = "Gon-demo-2027!";

    /// <summary>
    /// Published authenticator key (base32, RFC 6238) of every demo user for whom two-factor sign-in is required.
    /// Demo only: anyone can add it to an authenticator app, and the run command prints it.
    /// </summary>
    public const string AuthenticatorKey = "GONPORTALDEMOKEYGRONINGENWMOZORG";

    public static readonly DemoOrganisation Gemeente = new(Guid.Parse("00000000-0000-4000-8000-000000000001"), "Gemeente Groningen", OrganisationKind.Gemeente, null, null, []);
    public static readonly DemoOrganisation Wij = new(Guid.Parse("00000000-0000-4000-8000-000000000002"), "WIJ Groningen", OrganisationKind.Wij, null, null, []);

    /// <summary>Hoofdaanbieder holding two areas: Centrum, Oude Wijken and West.</summary>
    public static readonly DemoOrganisation StadseZorg = new(Guid.Parse("10000000-0000-4000-8000-000000000001"), "Stadse Zorgcombinatie", OrganisationKind.Hoofdaanbieder, "71234561", "73730001", [1, 2]);
    public static readonly DemoOrganisation OostZorg = new(Guid.Parse("10000000-0000-4000-8000-000000000002"), "Welzijn Oost en Ten Boer", OrganisationKind.Hoofdaanbieder, "71234562", "73730002", [3]);
    public static readonly DemoOrganisation ZuidZorg = new(Guid.Parse("10000000-0000-4000-8000-000000000003"), "Zorgnetwerk Zuid en Haren", OrganisationKind.Hoofdaanbieder, "71234563", null, [4]);

    /// <summary>Onderaannemer that works for two hoofdaanbieders (Stadse Zorgcombinatie and Welzijn Oost).</summary>
    public static readonly DemoOrganisation DeLinde = new(Guid.Parse("20000000-0000-4000-8000-000000000001"), "Buurtwerk De Linde", OrganisationKind.Onderaannemer, "81234561", "73730011", []);
    public static readonly DemoOrganisation Atelier = new(Guid.Parse("20000000-0000-4000-8000-000000000002"), "Dagbesteding Het Atelier", OrganisationKind.Onderaannemer, "81234562", null, []);
    public static readonly DemoOrganisation Noorderlicht = new(Guid.Parse("20000000-0000-4000-8000-000000000003"), "Begeleiding Noorderlicht", OrganisationKind.Onderaannemer, "81234563", null, []);

    public static readonly IReadOnlyList<DemoOrganisation> Organisations = [Gemeente, Wij, StadseZorg, OostZorg, ZuidZorg, DeLinde, Atelier, Noorderlicht];

    public static readonly IReadOnlyList<DemoUser> Users =
    [
        new("beleid@gemeente.demo", "Anna de Vries", Gemeente.Id),
        new("beheer@gemeente.demo", "Ilse Kramer", Gemeente.Id, IsAdministrator: true),
        new("consulent@wij.demo", "Bram Bakker", Wij.Id, IsAdministrator: true),
        new("coordinator@stadsezorg.demo", "Carla Jansen", StadseZorg.Id, IsAdministrator: true),
        new("coordinator@oostzorg.demo", "Daan Visser", OostZorg.Id, IsAdministrator: true),
        new("coordinator@zuidzorg.demo", "Eva Smit", ZuidZorg.Id, IsAdministrator: true),
        new("planner@delinde.demo", "Fatima El Amrani", DeLinde.Id, IsAdministrator: true),
        new("planner@atelier.demo", "Gert Mulder", Atelier.Id, IsAdministrator: true),
        new("planner@noorderlicht.demo", "Hanna Bos", Noorderlicht.Id, IsAdministrator: true),
    ];

    /// <summary>One machine client per organisation: providers' care systems (ECD), and the gemeente's and WIJ's own systems.</summary>
    public static readonly IReadOnlyList<DemoMachineClient> MachineClients =
        Organisations
            .Select(o => o.Kind is OrganisationKind.Hoofdaanbieder or OrganisationKind.Onderaannemer
                ? new DemoMachineClient($"ecd-{Slug(o.Name)}", $"ecd-secret-{Slug(o.Name)}", $"ECD {o.Name}", o.Id)
                : new DemoMachineClient($"app-{Slug(o.Name)}", $"app-secret-{Slug(o.Name)}", $"Systeem {o.Name}", o.Id))
            .ToList();

    public static DemoOrganisation Organisation(Guid id) => Organisations.Single(o => o.Id == id);

    /// <summary>
    /// Whether this demo user signs in with a code from the authenticator app (<see cref="AuthenticatorKey"/>): what
    /// Identity's two-factor policy says for the demo data (gemeente or administrator). Identity seeds from its
    /// policy, not from this; its tests check that both agree, so the run command prints the truth.
    /// </summary>
    public static bool NeedsAuthenticatorCode(DemoUser user) =>
        user.IsAdministrator || Organisation(user.OrganisationId).Kind == OrganisationKind.Gemeente;

    private static string Slug(string name) => new string(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
}
