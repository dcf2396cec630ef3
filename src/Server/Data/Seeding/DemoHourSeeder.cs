using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Common;
using GonPortal.Domain.Hours;
using GonPortal.Domain.Reference;
using GonPortal.Server.Tenancy;
using GonPortal.HostContracts;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Data.Seeding;

/// <summary>
/// A year of hours for the demo ("Seed:DemoHours"): for every started arrangement, one entry a week
/// by the organisation executing the version in force, at roughly the allocated volume, up to
/// yesterday on the server's clock. Entries of the last two weeks wait for review; older ones are
/// approved, a few rejected. With the demo clock at 2028-01-15 that is all of 2027. Written in the
/// hoofdaanbieder's scope, as owner, through the domain's own entity methods.
/// </summary>
public static class DemoHourSeeder
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = AmsterdamCalendar.Today(now);
        var random = new Random(1440);
        foreach (var ha in DemoData.Organisations.Where(o => o.Kind == OrganisationKind.Hoofdaanbieder))
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Resolve(ha.Id, ha.Name, GonRoles.Hoofdaanbieder, "demo-seed", "Demo", null);
            var db = scope.ServiceProvider.GetRequiredService<GonDbContext>();
            if (await db.HourEntries.AnyAsync(ct))
            {
                continue;
            }
            var arrangements = await db.Arrangements.AsNoTracking()
                .Where(a => a.TenantId == ha.Id && (a.State == ArrangementState.Active || a.State == ArrangementState.Ended))
                .ToListAsync(ct);
            var entries = new List<HourEntry>();
            foreach (var a in arrangements.Where(a => a.StartDate is not null && a.Product is not null && a.Unit is not null))
            {
                var last = Min(a.EndDate ?? DateOnly.MaxValue, today.AddDays(-1));
                for (var day = a.StartDate!.Value.AddDays(1); day <= last; day = day.AddDays(7))
                {
                    var version = a.VersionOn(day);
                    if (version is null)
                    {
                        continue;
                    }
                    var quantity = a.Unit == Unit.Hour
                        ? Math.Clamp(version.Volume * random.Next(70, 106) / 100 / 15 * 15, 15, HourQuantityLimits.MinutesPerDay)
                        : Math.Clamp(version.Volume, 1, HourQuantityLimits.MaxPerEntry(a.Unit!.Value));
                    var content = new HourEntryContent(a.Id, day, a.Product!.Value, a.Unit!.Value, quantity,
                        Notes[random.Next(Notes.Length)], null);
                    var accepted = new AcceptedHourEntry($"demo-{a.Id:N}-{day:yyyyMMdd}", content, a.ClientId, a.AreaId, a.TenantId,
                        version.ExecutorProviderId, version.SubcontractId);
                    var entry = HourEntry.Submit(DemoSeeder.DeterministicId($"hour/{a.Id}/{day}"), accepted, "demo-ecd", now);
                    if (day < today.AddDays(-14))
                    {
                        if (random.Next(100) < 2)
                        {
                            entry.Reject("demo-seed", "Niet herkend in de planning; graag corrigeren.", now);
                        }
                        else
                        {
                            entry.Approve("demo-seed", null, now);
                        }
                    }
                    entries.Add(entry);
                }
            }
            db.HourEntries.AddRange(entries);
            await db.SaveChangesAsync(ct);
        }
    }

    private static readonly string[] Notes =
    [
        "Ondersteuning bij administratie",
        "Samen boodschappen gedaan en weekplanning gemaakt",
        "Gesprek over dagstructuur",
        "Begeleiding naar activiteit in de wijk",
        "",
    ];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
