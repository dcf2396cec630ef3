using GonPortal.HostContracts;
using GonPortal.Identity.Data;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// Creates, changes, deactivates and lists organisations. The admin API, the demo seeding and the
/// bootstrap all go through here, so a demo organisation is registered exactly like a real one.
/// </summary>
public sealed class OrganisationRegistry(IdentityDb db, TokenRevocation revocation, MachineClientAdministration machineClients, TimeProvider clock)
{
    /// <summary>
    /// Registers an organisation under the given id (the Server's tenant id). Repeating it with the same id,
    /// kind and KvK number returns the stored one, so a retried call after a lost answer is harmless.
    /// </summary>
    /// <param name="kvkRequired">False only for the demo gemeente and WIJ, which have no KvK number.</param>
    public async Task<Organisation> CreateAsync(Guid id, OrganisationKind kind, OrganisationDraft draft, CancellationToken ct, bool kvkRequired = true)
    {
        var errors = new FieldErrors();
        errors.Check(id == Guid.Empty, "id", "must be a non-empty UUID");
        draft.Validate(errors, kvkRequired);
        errors.ThrowIfAny();

        var existing = await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (existing is not null)
        {
            return existing.Kind == kind && existing.KvkNumber == draft.Kvk
                ? existing
                : throw new OnboardingConflictException($"Organisation {id} already exists with other data.", alreadyExists: true);
        }
        await CheckKvkFreeAsync(draft.Kvk, id, ct);

        var organisation = new Organisation
        {
            Id = id,
            Name = draft.Name.Trim(),
            Kind = kind,
            KvkNumber = draft.Kvk,
            AgbCode = draft.Agb,
            TwoFactorRequiredForAll = draft.TwoFactorRequiredForAll,
            IsActive = true,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    /// <summary>Changes name, KvK, AGB and the two-factor setting; the kind never changes (it is the role of every user).</summary>
    public async Task<Organisation> UpdateAsync(Guid id, OrganisationDraft draft, CancellationToken ct)
    {
        var organisation = await FindAsync(id, ct);
        var errors = new FieldErrors();
        draft.Validate(errors, kvkRequired: organisation.KvkNumber is not null || draft.Kvk is not null);
        errors.ThrowIfAny();
        await CheckKvkFreeAsync(draft.Kvk, id, ct);

        organisation.Name = draft.Name.Trim();
        organisation.KvkNumber = draft.Kvk;
        organisation.AgbCode = draft.Agb;
        organisation.TwoFactorRequiredForAll = draft.TwoFactorRequiredForAll;
        await db.SaveChangesAsync(ct);
        // Tokens carry the organisation name copied on the user, so the copy follows.
        await db.Users.Where(u => u.OrganisationId == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.OrganisationName, organisation.Name), ct);
        // And so do machine clients, whose copy lives in their OpenIddict application.
        await machineClients.RenameOrganisationAsync(id, organisation.Name, ct);
        return organisation;
    }

    /// <summary>
    /// Stops every user and machine client of the organisation at once: the sign-in gate refuses new tokens and
    /// their stored authorizations and refresh tokens are revoked. Nothing is deleted.
    /// </summary>
    public async Task<Organisation> DeactivateAsync(Guid id, CancellationToken ct)
    {
        var organisation = await FindAsync(id, ct);
        if (organisation.Kind == OrganisationKind.Gemeente)
        {
            throw new OnboardingConflictException("The gemeente cannot be deactivated: nobody could administer the network any more.");
        }
        if (organisation.IsActive)
        {
            organisation.IsActive = false;
            organisation.DeactivatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        foreach (var userId in await db.Users.Where(u => u.OrganisationId == id).Select(u => u.Id).ToListAsync(ct))
        {
            await revocation.RevokePersonAsync(userId, ct);
        }
        await revocation.RevokeMachineClientsAsync(id, ct);
        return organisation;
    }

    public async Task<Organisation> ReactivateAsync(Guid id, CancellationToken ct)
    {
        var organisation = await FindAsync(id, ct);
        organisation.IsActive = true;
        organisation.DeactivatedAt = null;
        await db.SaveChangesAsync(ct);
        return organisation;
    }

    public Task<List<Organisation>> ListAsync(OrganisationKind? kind, bool includeInactive, int skip, int take, CancellationToken ct)
    {
        var query = db.Organisations.AsNoTracking();
        if (kind is not null)
        {
            query = query.Where(o => o.Kind == kind);
        }
        if (!includeInactive)
        {
            query = query.Where(o => o.IsActive);
        }
        return query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip(skip).Take(take).ToListAsync(ct);
    }

    public async Task<Organisation> FindAsync(Guid id, CancellationToken ct) =>
        await db.Organisations.SingleOrDefaultAsync(o => o.Id == id, ct) ?? throw new OnboardingNotFoundException("Organisation");

    private async Task CheckKvkFreeAsync(string? kvk, Guid id, CancellationToken ct)
    {
        if (kvk is not null && await db.Organisations.AnyAsync(o => o.KvkNumber == kvk && o.Id != id, ct))
        {
            new FieldErrors().Check(true, "kvk_number", "is already registered for another organisation").ThrowIfAny();
        }
    }
}
