namespace GonPortal.Identity.Seeding;

/// <summary>One idempotent seeding step: creates what is missing and leaves the rest alone.</summary>
internal interface IIdentitySeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
