namespace GonPortal.Portal.Tests.Infrastructure;

/// <summary>
/// Every page of the portal by the person who uses it, reachable by its address alone (pages behind a click, such as
/// a client's detail, are opened by the flows that need them). Checks that must hold on every page iterate this.
/// </summary>
public static class RolePages
{
    public static readonly IReadOnlyDictionary<string, string[]> ByPerson = new Dictionary<string, string[]>
    {
        [PortalTest.Hoofdaanbieder] =
        [
            "/dashboard", "/te-doen", "/clienten", "/clienten/nieuw", "/verwijzingen/ontvangen", "/uren/beoordelen", "/onderaanneming", "/onderaanneming/nieuw", "/gebieden", "/lumpsum",
            "/jaarverslag", "/specificaties?jaar=2027&maand=12", "/verantwoording", "/uren/invoeren?week=2028-01-03",
        ],
        [PortalTest.Onderaannemer] =
        [
            "/opdrachten", "/onderaanneming", "/uren/invoeren?week=2028-01-03", "/uren/importeren", "/specificaties?jaar=2027&maand=12",
            "/beheer/medewerkers", "/beheer/koppelingen",
        ],
        [PortalTest.Gemeente] =
        [
            "/overzicht", "/te-doen", "/toestemming", "/beschikkingen", "/audit", "/begroting", "/begroting/jaarparameters", "/begroting/index",
            "/begroting/lumpsums", "/begroting/ventiel", "/begroting/pgb", "/begroting/jaarverslagen", "/afrekening",
            "/afrekening/revisies?soort=PgbFinal&gebied=3&jaar=2027", "/specificaties?jaar=2027&maand=12", "/verantwoording", "/conversie", "/jaaroverzicht",
        ],
        [PortalTest.Wij] = ["/verwijzingen", "/te-doen", "/aanmelden", "/akkoord"],
        [PortalTest.GemeenteBeheerder] =
        [
            "/beheer", "/beheer/organisaties", "/beheer/organisaties/nieuw", "/beheer/medewerkers",
        ],
    };
}
