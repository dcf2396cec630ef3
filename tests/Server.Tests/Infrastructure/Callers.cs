using GonPortal.HostContracts;

namespace GonPortal.Server.Tests.Infrastructure;

/// <summary>The callers of the access matrix: one per role and tenant that matters, plus nobody.</summary>
public static class Callers
{
    public const string Anonymous = "anonymous";
    public const string Gemeente = "gemeente";
    public const string Wij = "wij";
    public const string HaStadse = "ha-stadse";
    public const string HaOost = "ha-oost";
    public const string HaZuid = "ha-zuid";
    /// <summary>The onderaannemer working for two hoofdaanbieders (Stadse and Oost).</summary>
    public const string OaDeLinde = "oa-delinde";
    public const string OaAtelier = "oa-atelier";
    public const string OaNoorderlicht = "oa-noorderlicht";

    public static readonly IReadOnlyList<string> All = [Anonymous, Gemeente, Wij, HaStadse, HaOost, HaZuid, OaDeLinde, OaAtelier, OaNoorderlicht];

    public static DemoOrganisation Organisation(string caller) => caller switch
    {
        Gemeente => DemoData.Gemeente,
        Wij => DemoData.Wij,
        HaStadse => DemoData.StadseZorg,
        HaOost => DemoData.OostZorg,
        HaZuid => DemoData.ZuidZorg,
        OaDeLinde => DemoData.DeLinde,
        OaAtelier => DemoData.Atelier,
        OaNoorderlicht => DemoData.Noorderlicht,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, "no organisation"),
    };

    public static DemoMachineClient MachineClient(string caller) =>
        DemoData.MachineClients.Single(c => c.OrganisationId == Organisation(caller).Id);
}
