using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Clients;
using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Referrals;
using GonPortal.Domain.Reporting;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Clients;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data.Seeding;

/// <summary>
/// The demo picture of the access process: a few hundred clients per area (valid, deterministic BSNs;
/// Dutch-looking names; Groningen postcodes), WIJ referrals, and basis and aanvullend arrangements in
/// every state, some executed by the onderaannemers under their consented subcontracts and some
/// delivered through the maatschappelijke initiatieven ("pareltjes"). Written through the domain, each
/// tenant's rows inside that tenant's scope, with bulk adds and one SaveChanges per scope.
/// Deterministic (fixed random seed), so the demo looks the same on every machine.
/// </summary>
public static class DemoAccessProcessSeeder
{
    public const int ClientsPerArea = 250;

    private static readonly string[] Pareltjes = ["Wiershoeck", "Kringloop plus", "Odensehuis", "Hamelhuys"];
    private static readonly string[] GivenNames =
    [
        "Jan", "Piet", "Klaas", "Henk", "Gerrit", "Harm", "Jelle", "Sjoerd", "Willem", "Bram", "Daan", "Mohamed", "Ahmed", "Thijs", "Ruben",
        "Anna", "Maria", "Johanna", "Geesje", "Aaltje", "Trijntje", "Fenna", "Sanne", "Lotte", "Femke", "Esther", "Fatima", "Yara", "Noor", "Ineke",
    ];
    private static readonly (string? Prefix, string Surname)[] Surnames =
    [
        (null, "Bakker"), (null, "Smit"), ("de", "Vries"), ("van der", "Molen"), (null, "Mulder"), ("de", "Boer"), (null, "Dijkstra"),
        (null, "Hoekstra"), (null, "Meijer"), ("van", "Dijk"), (null, "Visser"), (null, "Kuipers"), ("de", "Jong"), (null, "Postma"),
        (null, "Huizinga"), (null, "Wierenga"), (null, "Kramer"), ("van der", "Veen"), (null, "Bos"), (null, "Zijlstra"), (null, "Jansen"),
        ("van", "Wijk"), (null, "Oosterhuis"), (null, "Brouwer"), ("ter", "Horst"), (null, "El Amrani"), (null, "Yilmaz"), (null, "Nijboer"),
    ];
    private static readonly string[] Streets = ["Oosterstraat", "Vinkenstraat", "Paterswoldseweg", "Korreweg", "Helperzoom", "Zonnelaan", "Rijksstraatweg", "Hereweg"];
    private static readonly string[] WijTeams = ["WIJ Centrum", "WIJ Oude Wijken", "WIJ Vinkhuizen", "WIJ Selwerd", "WIJ Lewenborg", "WIJ Ten Boer", "WIJ Helpman", "WIJ Haren"];

    /// <summary>Postcode ranges (first four digits) per area.</summary>
    private static readonly IReadOnlyDictionary<int, int[]> PostcodesByArea = new Dictionary<int, int[]>
    {
        [1] = [9711, 9712, 9713, 9714, 9715, 9716, 9717, 9718],
        [2] = [9741, 9742, 9743, 9744, 9745, 9746, 9747],
        [3] = [9731, 9732, 9733, 9734, 9735, 9736, 9791, 9792],
        [4] = [9721, 9722, 9723, 9724, 9725, 9726, 9727, 9751, 9752],
    };

    private sealed record Plan(Client Client, int Index, Referral? Referral);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using (var check = services.CreateScope())
        {
            if (await check.ServiceProvider.GetRequiredService<TenantBlindLookups>().AnyClientStoredAsync(ct))
            {
                return;
            }
        }
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = AmsterdamCalendar.Today(clock);
        var random = new Random(2027);
        var hoofdaanbieders = DemoData.Organisations.Where(o => o.Kind == OrganisationKind.Hoofdaanbieder).ToList();

        // 1. Clients, in the scope of the hoofdaanbieder holding their area.
        var plans = new List<Plan>();
        foreach (var ha in hoofdaanbieders)
        {
            using var scope = Scope(services, ha, GonRoles.Hoofdaanbieder, out var db);
            foreach (var area in ha.AreaIds)
            {
                var bsnSeed = 10_000_000 + area * 7_000_000;
                for (var i = 0; i < ClientsPerArea; i++)
                {
                    string? bsn = null;
                    while (bsn is null)
                    {
                        bsn = Bsn.Complete((bsnSeed++).ToString("D8"));
                    }
                    var viaWij = i % 10 < 7;
                    var client = NewClient(area, i, bsn, ha, viaWij, protector, today, now, random);
                    plans.Add(new Plan(client, i, null));
                }
            }
            db.Clients.AddRange(plans.Where(p => p.Client.TenantId == ha.Id).Select(p => p.Client));
            await db.SaveChangesAsync(ct);
        }

        // 2. Referrals, in WIJ's scope: for 7 in 10 clients; most accepted, some waiting, a few returned or withdrawn.
        using (var scope = Scope(services, DemoData.Wij, GonRoles.Wij, out var db))
        {
            for (var n = 0; n < plans.Count; n++)
            {
                var p = plans[n];
                if (p.Index % 10 >= 7)
                {
                    continue;
                }
                var referredAt = now.AddDays(-random.Next(5, 60));
                var products = p.Index % 3 == 0 ? new Product?[] { Product.Begeleiding, Product.Dagbesteding } : [Product.Begeleiding];
                var referral = Referral.Create(DemoSeeder.DeterministicId($"referral/{p.Client.Id}"), DemoData.Wij.Id, p.Client.Id, p.Client.AreaId,
                    p.Client.TenantId, WijTeams[random.Next(WijTeams.Length)], Goals(random), products, p.Index % 4 != 0,
                    p.Index % 5 == 0 ? "Mantelzorger is overbelast; graag snel contact." : null, "demo-wij", referredAt);
                switch (p.Index % 50)
                {
                    case 3:
                    case 13:
                        break; // still waiting for the hoofdaanbieder
                    case 23:
                        referral.Return("demo-seed", "Inwoner woont in een ander gebied; graag doorverwijzen.", referredAt.AddDays(3));
                        break;
                    case 33:
                        referral.Withdraw("demo-wij", "Inwoner heeft zelf een oplossing gevonden.", referredAt.AddDays(2));
                        break;
                    default:
                        referral.Accept("demo-seed", referredAt.AddDays(2));
                        break;
                }
                plans[n] = p with { Referral = referral };
            }
            db.Referrals.AddRange(plans.Where(p => p.Referral is not null).Select(p => p.Referral!));
            await db.SaveChangesAsync(ct);
        }

        // 3. Arrangements with their history, in the hoofdaanbieder's scope.
        foreach (var ha in hoofdaanbieders)
        {
            using var scope = Scope(services, ha, GonRoles.Hoofdaanbieder, out var db);
            var subcontracts = await db.Subcontracts.AsNoTracking().Where(s => s.TenantId == ha.Id && s.State == SubcontractState.Consented).ToListAsync(ct);
            var arrangements = new List<Arrangement>();
            var transitions = new List<ArrangementTransition>();
            foreach (var p in plans.Where(p => p.Client.TenantId == ha.Id))
            {
                if (p.Referral is { State: ReferralState.Accepted } referral)
                {
                    AddArrangement(arrangements, transitions, p, referral, ha, subcontracts, Product.Begeleiding, random, today, now);
                    if (p.Index % 3 == 0)
                    {
                        AddArrangement(arrangements, transitions, p, referral, ha, subcontracts, Product.Dagbesteding, random, today, now);
                    }
                }
                else if (p.Index % 10 is 7 or 8)
                {
                    AddDirectEntry(arrangements, transitions, p, ha, random, now);
                }
            }
            db.Arrangements.AddRange(arrangements);
            db.ArrangementTransitions.AddRange(transitions);
            await db.SaveChangesAsync(ct);
        }
    }

    private static IServiceScope Scope(IServiceProvider services, DemoOrganisation org, string role, out GonDbContext db)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Resolve(org.Id, org.Name, role, "demo-seed", "Demo", null);
        db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        return scope;
    }

    private static Client NewClient(int area, int index, string bsn, DemoOrganisation ha, bool viaWij, PersonalDataProtector protector,
        DateOnly today, DateTimeOffset now, Random random)
    {
        var (prefix, surname) = Surnames[random.Next(Surnames.Length)];
        var given = GivenNames[random.Next(GivenNames.Length)];
        var second = random.Next(3) == 0 ? " " + GivenNames[random.Next(GivenNames.Length)] : "";
        var initials = string.Concat((given + second).Split(' ').Select(n => n[0] + "."));
        var postcodes = PostcodesByArea[area];
        var postcode = $"{postcodes[random.Next(postcodes.Length)]}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
        var contact = random.Next(4) == 0
            ? ContactDetails.Empty
            : new ContactDetails($"06-{random.Next(10_000_000, 99_999_999)}", null, Streets[random.Next(Streets.Length)], random.Next(1, 250).ToString(),
                random.Next(8) == 0 ? "a" : null, area == 4 && postcode.StartsWith("975", StringComparison.Ordinal) ? "Haren" : area == 3 && postcode.StartsWith("979", StringComparison.Ordinal) ? "Ten Boer" : "Groningen",
                random.Next(3) == 0 ? "Mantelzorger " + GivenNames[random.Next(GivenNames.Length)] : null, null);
        var registration = new ClientRegistration(area, bsn, given + second, initials, prefix, surname,
            today.AddDays(-random.Next(18 * 365, 92 * 365)), postcode, contact, ha.Id, true, today);
        var registeredBy = viaWij ? DemoData.Wij.Id : ha.Id;
        return Client.Register(DemoSeeder.DeterministicId($"client/{area}/{index}"), registration, protector.Protect(bsn),
            viaWij ? "demo-wij" : "demo-seed", registeredBy, viaWij, now.AddDays(-60));
    }

    private static List<string> Goals(Random random)
    {
        string[] all =
        [
            "Houdt een vaste dagstructuur aan met vaste eetmomenten",
            "Beheert de eigen administratie en betaalt rekeningen op tijd",
            "Neemt twee dagdelen per week deel aan een activiteit in de wijk",
            "Heeft een netwerk van ten minste drie mensen om op terug te vallen",
            "Mantelzorger wordt twee dagdelen per week ontlast",
            "Houdt het huis schoon en leefbaar",
        ];
        return all.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
    }

    private static Actor Ha(DemoOrganisation ha) => new("demo-seed", "Demo", ha.Id, ActorRole.Hoofdaanbieder);

    private static readonly Actor WijActor = new("demo-wij", "Demo WIJ", DemoData.Wij.Id, ActorRole.Wij);
    private static readonly Actor GemeenteActor = new("demo-gemeente", "Demo gemeente", DemoData.Gemeente.Id, ActorRole.Gemeente);

    private static void AddArrangement(List<Arrangement> arrangements, List<ArrangementTransition> transitions, Plan p, Referral referral,
        DemoOrganisation ha, IReadOnlyList<Subcontract> subcontracts, Product product, Random random, DateOnly today, DateTimeOffset now)
    {
        var actor = Ha(ha);
        var at = referral.AcceptedAt!.Value.AddHours(2);
        var (a, created) = Arrangement.Create(DemoSeeder.DeterministicId($"arrangement/{p.Client.Id}/{product}"), ha.Id, p.Client.Id, p.Client.AreaId,
            EntryChannel.WijReferral, referral.Id, referral, actor, at);
        transitions.Add(created);
        arrangements.Add(a);
        var roll = random.Next(100);
        if (roll < 5)
        {
            return; // still REQUESTED
        }
        var aanvullend = random.Next(100) < 45;
        var unit = product == Product.Begeleiding ? Unit.Hour : Unit.Dagdeel;
        var subcontract = subcontracts.FirstOrDefault(s => s.AreaIds.Contains(p.Client.AreaId) && s.Rates.Any(r => r.Product == product && r.Unit == unit));
        var byOnderaannemer = subcontract is not null && random.Next(100) < 35;
        var viaInitiative = !aanvullend && !byOnderaannemer && random.Next(100) < 30;
        var start = new DateOnly(2027, 1, 1).AddDays(random.Next(0, 150));
        DateOnly? end = random.Next(3) == 0 ? null : start.AddMonths(random.Next(6, 25)).AddDays(-1);
        var terms = new TermsInput(unit == Unit.Hour ? 60 * random.Next(1, 7) : random.Next(1, 5), VolumeFrequency.PerWeek,
            byOnderaannemer ? ExecutorKind.Onderaannemer : ExecutorKind.Hoofdaanbieder, byOnderaannemer ? subcontract!.Id : null,
            byOnderaannemer ? subcontract : null, viaInitiative, viaInitiative ? Pareltjes[random.Next(Pareltjes.Length)] : null);
        var decision = new DecisionInput(aanvullend ? SupportType.Aanvullend : SupportType.Basis, product, unit, terms, start, end,
            aanvullend ? "Specialistische begeleiding nodig; beperkt zicht op eigen ondersteuningsvraag." : "Lichte toets: basisondersteuning past.");
        transitions.Add(a.Decide(decision, actor, at = at.AddDays(3)));
        if (aanvullend)
        {
            if (roll < 12)
            {
                return; // AWAITING_WIJ_APPROVAL
            }
            if (roll < 16)
            {
                transitions.Add(a.Reject("Doelen vragen eerst om lichte ondersteuning door WIJ.", WijActor, at = at.AddDays(2)));
                return;
            }
            transitions.Add(a.Approve(null, WijActor, at = at.AddDays(2)));
            if (roll < 24)
            {
                return; // ADVISED_TO_GEMEENTE
            }
            var decisionDate = DateOnly.FromDateTime(at.UtcDateTime.AddDays(1)) is var d && d > today ? today : DateOnly.FromDateTime(at.UtcDateTime.AddDays(1));
            transitions.Add(a.RecordBeschikking($"WMO-{start.Year}-{random.Next(100_000, 999_999)}", decisionDate, start, end,
                today, GemeenteActor, at = at.AddDays(3))!);
            if (roll < 30)
            {
                return; // DECISION_ISSUED
            }
        }
        else if (roll < 15)
        {
            return; // DECIDED
        }
        transitions.Add(a.Start(null, actor, at = at.AddDays(1)));
        if (roll > 80 && (end is null || end > start.AddMonths(3)))
        {
            var changed = terms with { Volume = terms.Volume + (unit == Unit.Hour ? 60 : 1) };
            transitions.Add(a.ChangeTerms(start.AddMonths(2), changed, "Meer ondersteuning nodig na evaluatie met WIJ.", actor, at = at.AddDays(60)));
        }
        if (roll > 92)
        {
            var last = a.OrderedVersions[^1].EffectiveFrom.AddDays(30);
            transitions.Add(a.End(end is { } e && e < last ? e : last, ArrangementEndReason.GoalsReached, null, actor, at.AddDays(90)));
        }
    }

    private static void AddDirectEntry(List<Arrangement> arrangements, List<ArrangementTransition> transitions, Plan p, DemoOrganisation ha,
        Random random, DateTimeOffset now)
    {
        var actor = Ha(ha);
        var at = now.AddDays(-random.Next(10, 40));
        var (a, created) = Arrangement.Create(DemoSeeder.DeterministicId($"arrangement/{p.Client.Id}/direct"), ha.Id, p.Client.Id, p.Client.AreaId,
            EntryChannel.DirectInitiative, null, null, actor, at);
        transitions.Add(created);
        arrangements.Add(a);
        var start = new DateOnly(2027, 1, 1).AddDays(random.Next(0, 120));
        var product = random.Next(2) == 0 ? Product.Dagbesteding : Product.Begeleiding;
        var unit = product == Product.Begeleiding ? Unit.Hour : Unit.Dagdeel;
        var terms = new TermsInput(unit == Unit.Hour ? 120 : 2, VolumeFrequency.PerWeek, ExecutorKind.Hoofdaanbieder, null, null, true,
            Pareltjes[random.Next(Pareltjes.Length)]);
        transitions.Add(a.Decide(new DecisionInput(SupportType.Basis, product, unit, terms, start, null, "Direct ingestroomd via het initiatief."),
            actor, at = at.AddDays(1)));
        if (random.Next(4) != 0)
        {
            transitions.Add(a.Start(null, actor, at.AddDays(1)));
        }
    }
}
