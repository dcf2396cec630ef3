using GonPortal.Domain.Providers;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Subcontracts;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data.Seeding;

/// <summary>
/// The demo picture: the providers of <see cref="DemoData"/>, area contracts 2027-2030 and a few
/// subcontracts, among them De Linde working for two hoofdaanbieders. Written through the domain
/// and, for tenant data, inside that tenant's own scope, so seeding obeys the same rules as callers.
/// </summary>
public static class DemoSeeder
{
    public static readonly DateOnly ContractStart = new(2027, 1, 1);
    public static readonly DateOnly ContractEnd = new(2030, 12, 31);

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
            if (await db.Providers.AnyAsync(p => p.Id == DemoData.StadseZorg.Id, ct))
            {
                // The register exists; clients and arrangements came later, so a database seeded before them gets them now.
                await DemoAccessProcessSeeder.SeedAsync(services, ct);
                return;
            }
            // The same registration CreateProvider and CreateOrganisation use; the registry rows are Identity's own seeding.
            var registration = scope.ServiceProvider.GetRequiredService<Providers.ProviderRegistration>();
            foreach (var org in DemoData.Organisations.Where(o => o.Kind is OrganisationKind.Hoofdaanbieder or OrganisationKind.Onderaannemer))
            {
                var kind = org.Kind == OrganisationKind.Hoofdaanbieder ? ProviderKind.Hoofdaanbieder : ProviderKind.Onderaannemer;
                await registration.RegisterAsync(org.Id, org.Name, kind, org.KvkNumber!, org.AgbCode, ct);
            }
            await db.SaveChangesAsync(ct);
            var providers = await db.Providers.ToListAsync(ct);
            var contracts = new List<AreaContract>();
            foreach (var org in DemoData.Organisations.Where(o => o.Kind == OrganisationKind.Hoofdaanbieder))
            {
                foreach (var area in org.AreaIds)
                {
                    var contract = AreaContract.Create(DeterministicId($"area-contract/{org.Id}/{area}"), area, providers.Single(p => p.Id == org.Id),
                        ContractStart, ContractEnd, contracts, now);
                    contracts.Add(contract);
                    db.AreaContracts.Add(contract);
                }
            }
            await db.SaveChangesAsync(ct);
        }

        var begeleidingUur = (Product.Begeleiding, Unit.Hour, 6_450L);
        var dagbestedingDagdeel = (Product.Dagbesteding, Unit.Dagdeel, 5_275L);
        await ProposeAsync(services, DemoData.StadseZorg, DemoData.DeLinde, [1, 2], [begeleidingUur, dagbestedingDagdeel], consent: true, ct);
        await ProposeAsync(services, DemoData.OostZorg, DemoData.DeLinde, [3], [(Product.Begeleiding, Unit.Hour, 6_390L)], consent: true, ct);
        await ProposeAsync(services, DemoData.StadseZorg, DemoData.Atelier, [2], [dagbestedingDagdeel], consent: false, ct);
        await ProposeAsync(services, DemoData.ZuidZorg, DemoData.Noorderlicht, [4], [begeleidingUur, (Product.KortdurendVerblijf, Unit.Etmaal, 18_900L)], consent: true, ct);
        await DemoAccessProcessSeeder.SeedAsync(services, ct);
    }

    private static async Task ProposeAsync(IServiceProvider services, DemoOrganisation hoofdaanbieder, DemoOrganisation onderaannemer,
        int[] areas, (Product, Unit, long)[] rates, bool consent, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        tenant.Resolve(hoofdaanbieder.Id, hoofdaanbieder.Name, GonRoles.Hoofdaanbieder, "demo-seed", "Demo", null);
        var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
        var now = DateTimeOffset.UtcNow;
        var partner = await db.Providers.SingleAsync(p => p.Id == onderaannemer.Id, ct);
        var proposal = new SubcontractProposal(hoofdaanbieder.Id, partner, areas,
            rates.Select(r => ((Product?)r.Item1, (Unit?)r.Item2, r.Item3)).ToList(),
            DemoSeeder.ContractStart, null, areas.ToHashSet());
        var subcontract = Subcontract.Propose(DeterministicId($"subcontract/{hoofdaanbieder.Id}/{onderaannemer.Id}"), proposal, "demo-seed", now);
        if (consent)
        {
            subcontract.Consent("demo-seed", "GON-2026-" + areas[0], now);
        }
        db.Subcontracts.Add(subcontract);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stable ids so the demo looks the same on every machine (name-based, like a UUID v3).</summary>
    internal static Guid DeterministicId(string name) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(name)));
}
