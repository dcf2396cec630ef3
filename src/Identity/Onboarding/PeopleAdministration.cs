using System.Security.Cryptography;
using System.Text;
using GonPortal.HostContracts;
using GonPortal.Identity.Administrators;
using GonPortal.Identity.Configuration;
using GonPortal.Identity.Data;
using GonPortal.Identity.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// The people of an organisation: invite (a user without a password plus an e-mailed single-use activation
/// link), activate, administrator flag, deactivate and reactivate. The admin API, the bootstrap and the demo
/// seeding (<see cref="SeedActivatedAsync"/>) share this class.
/// </summary>
public sealed class PeopleAdministration(
    IdentityDb db,
    UserManager<GonUser> users,
    OrganisationRegistry organisations,
    TokenRevocation revocation,
    IMailSender mail,
    IdentityLinks links,
    IOptions<IdentitySettings> settings,
    TimeProvider clock)
{
    private TimeSpan InvitationLifetime => settings.Value.Invitation.Lifetime;

    /// <summary>
    /// Creates the person in state invited and e-mails the activation link. Repeating it with the same id and
    /// address returns the stored person without a second e-mail (the Server's request_id retry).
    /// </summary>
    public async Task<AdminPerson> InviteAsync(Guid personId, Guid organisationId, string email, string displayName, bool administrator, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Check(personId == Guid.Empty, "id", "must be a non-empty UUID");
        PersonRules.Validate(errors, email, displayName);
        errors.ThrowIfAny();
        email = email.Trim();

        var existing = await users.FindByIdAsync(personId.ToString());
        if (existing is not null)
        {
            return existing.OrganisationId == organisationId && string.Equals(existing.Email, email, StringComparison.OrdinalIgnoreCase)
                ? await ViewAsync(existing)
                : throw new OnboardingConflictException($"Person {personId} already exists with other data.", alreadyExists: true);
        }

        var (user, token) = await CreateInvitedAsync(personId, organisationId, email, displayName.Trim(), administrator, ct);
        await SendInvitationAsync(user, token, ct);
        return await ViewAsync(user);
    }

    /// <summary>A new link (the old one stops working) for a person who has not activated yet.</summary>
    public async Task<AdminPerson> ResendInvitationAsync(string personId, CancellationToken ct)
    {
        var user = await FindAsync(personId);
        if (StateOf(user) != AdminPersonStates.Invited)
        {
            throw new OnboardingConflictException("Only a person who has not activated yet can be invited again.");
        }
        var token = NewToken(user);
        user.InvitedAt = clock.GetUtcNow();
        Check(await users.UpdateAsync(user));
        await SendInvitationAsync(user, token, ct);
        return await ViewAsync(user);
    }

    /// <summary>Sets the first password through the e-mailed link. The link works once and expires after the invitation lifetime.</summary>
    public async Task<ActivationResult> ActivateAsync(string userId, string token, string password)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive || user.PasswordHash is not null || !Matches(user.InvitationTokenHash, token))
        {
            return ActivationResult.Invalid;
        }
        if (user.InvitedAt is not { } invited || invited + InvitationLifetime < clock.GetUtcNow())
        {
            return ActivationResult.Expired;
        }
        var result = await users.AddPasswordAsync(user, password);
        return result.Succeeded
            ? await CompleteActivationAsync(user)
            : ActivationResult.Rejected(result.Errors.Select(e => e.Description).ToList());
    }

    /// <summary>Whether a link is worth showing the password form for (the page checks before asking for a password).</summary>
    public async Task<ActivationResult> CheckActivationLinkAsync(string userId, string token)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !user.IsActive || user.PasswordHash is not null || !Matches(user.InvitationTokenHash, token))
        {
            return ActivationResult.Invalid;
        }
        return user.InvitedAt is { } invited && invited + InvitationLifetime >= clock.GetUtcNow() ? ActivationResult.Activated : ActivationResult.Expired;
    }

    public async Task<List<AdminPerson>> ListAsync(Guid organisationId, bool administratorsOnly, CancellationToken ct)
    {
        await organisations.FindAsync(organisationId, ct);
        var administrators = await AdministratorIdsAsync(organisationId, ct);
        var people = await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisationId)
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync(ct);
        return people.Where(u => !administratorsOnly || administrators.Contains(u.Id))
            .Select(u => View(u, administrators.Contains(u.Id))).ToList();
    }

    /// <summary>The administrators of several organisations at once, for the organisation list.</summary>
    public async Task<Dictionary<Guid, List<AdminPerson>>> AdministratorsOfAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken ct)
    {
        var flagged = await FlaggedUserIds().ToListAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => organisationIds.Contains(u.OrganisationId) && flagged.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).ToListAsync(ct);
        return organisationIds.ToDictionary(id => id, id => people.Where(u => u.OrganisationId == id).Select(u => View(u, true)).ToList());
    }

    public async Task<AdminPerson> GetAsync(string personId) => await ViewAsync(await FindAsync(personId));

    /// <summary>Grants or takes the administrator flag; the organisation keeps at least one active administrator.</summary>
    public async Task<AdminPerson> SetAdministratorAsync(string personId, bool administrator, CancellationToken ct)
    {
        var user = await FindAsync(personId);
        if (administrator)
        {
            Check(await users.GrantAdministratorAsync(user));
        }
        else
        {
            await EnsureNotLastActiveAdministratorAsync(user, ct);
            Check(await users.RevokeAdministratorAsync(user));
        }
        return await ViewAsync(user);
    }

    /// <summary>The person can no longer sign in; their authorizations and refresh tokens are revoked at once.</summary>
    public async Task<AdminPerson> DeactivateAsync(string personId, CancellationToken ct)
    {
        var user = await FindAsync(personId);
        if (user.IsActive)
        {
            await EnsureNotLastActiveAdministratorAsync(user, ct);
            user.DeactivatedAt = clock.GetUtcNow();
            Check(await users.UpdateAsync(user));
            // A new security stamp ends the login cookie at Identity too.
            Check(await users.UpdateSecurityStampAsync(user));
        }
        await revocation.RevokePersonAsync(user.Id, ct);
        return await ViewAsync(user);
    }

    public async Task<AdminPerson> ReactivateAsync(string personId)
    {
        var user = await FindAsync(personId);
        user.DeactivatedAt = null;
        Check(await users.UpdateAsync(user));
        return await ViewAsync(user);
    }

    /// <summary>
    /// Demo seeding: the same creation as an invitation, then activation with a known password, without e-mail.
    /// A person who exists already keeps their data and gets the administrator flag if asked for.
    /// </summary>
    public async Task SeedActivatedAsync(string email, string displayName, Guid organisationId, bool administrator, string password, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            (user, _) = await CreateInvitedAsync(Guid.NewGuid(), organisationId, email, displayName, administrator, ct);
            Check(await users.AddPasswordAsync(user, password));
            await CompleteActivationAsync(user);
        }
        else if (administrator)
        {
            Check(await users.GrantAdministratorAsync(user));
        }
    }

    /// <summary>True when the organisation has an administrator who is not deactivated (invited or active).</summary>
    public async Task<bool> HasAdministratorAsync(Guid organisationId, CancellationToken ct)
    {
        var flagged = FlaggedUserIds();
        return await db.Users.AnyAsync(u => u.OrganisationId == organisationId && u.DeactivatedAt == null && flagged.Contains(u.Id), ct);
    }

    private async Task<(GonUser User, string Token)> CreateInvitedAsync(
        Guid personId, Guid organisationId, string email, string displayName, bool administrator, CancellationToken ct)
    {
        var organisation = await organisations.FindAsync(organisationId, ct);
        if (!organisation.IsActive)
        {
            throw new OnboardingConflictException("The organisation is deactivated; reactivate it before inviting people.");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new OnboardingConflictException("This e-mail address already belongs to an account.", alreadyExists: true);
        }

        var user = new GonUser
        {
            Id = personId.ToString(),
            UserName = email,
            Email = email,
            DisplayName = displayName,
            OrganisationId = organisation.Id,
            OrganisationName = organisation.Name,
            Role = organisation.Role,
            InvitedAt = clock.GetUtcNow(),
        };
        var token = NewToken(user);
        Check(await users.CreateAsync(user));
        if (administrator)
        {
            Check(await users.GrantAdministratorAsync(user));
        }
        return (user, token);
    }

    private async Task<ActivationResult> CompleteActivationAsync(GonUser user)
    {
        user.InvitationTokenHash = null;
        user.ActivatedAt = clock.GetUtcNow();
        user.EmailConfirmed = true; // the link reached them at this address
        Check(await users.UpdateAsync(user));
        return ActivationResult.Activated;
    }

    private async Task SendInvitationAsync(GonUser user, string token, CancellationToken ct) =>
        await mail.SendAsync(
            AccountEmails.Invitation(user.Email!, user.DisplayName, user.OrganisationName, links.Activation(user.Id, token), InvitationLifetime), ct);

    private async Task EnsureNotLastActiveAdministratorAsync(GonUser user, CancellationToken ct)
    {
        var administrators = await AdministratorIdsAsync(user.OrganisationId, ct);
        if (!administrators.Contains(user.Id) || StateOf(user) != AdminPersonStates.Active)
        {
            return;
        }
        var othersActive = await db.Users.AnyAsync(u => u.OrganisationId == user.OrganisationId && u.Id != user.Id
            && u.DeactivatedAt == null && u.PasswordHash != null && administrators.Contains(u.Id), ct);
        if (!othersActive)
        {
            throw new OnboardingConflictException("An organisation must keep at least one active administrator.");
        }
    }

    private async Task<HashSet<string>> AdministratorIdsAsync(Guid organisationId, CancellationToken ct)
    {
        var flagged = FlaggedUserIds();
        return (await db.Users.Where(u => u.OrganisationId == organisationId && flagged.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Users carrying the flag; <see cref="AdministratorFlag"/> writes it, for people of any organisation.</summary>
    private IQueryable<string> FlaggedUserIds() =>
        db.UserClaims.Where(c => c.ClaimType == GonClaimTypes.Administrator && c.ClaimValue == GonClaimTypes.AdministratorValue).Select(c => c.UserId);

    private async Task<GonUser> FindAsync(string personId) =>
        await users.FindByIdAsync(personId) ?? throw new OnboardingNotFoundException("Person");

    private async Task<AdminPerson> ViewAsync(GonUser user) => View(user, await users.IsAdministratorAsync(user));

    private static string StateOf(GonUser user) =>
        !user.IsActive ? AdminPersonStates.Deactivated : user.PasswordHash is null ? AdminPersonStates.Invited : AdminPersonStates.Active;

    private static AdminPerson View(GonUser user, bool administrator) => new(
        user.Id, user.OrganisationId, user.Email ?? "", user.DisplayName, administrator, StateOf(user),
        user.InvitedAt, user.ActivatedAt, user.DeactivatedAt, user.TwoFactorEnabled);

    /// <summary>A fresh random token; only its hash is kept on the user.</summary>
    private static string NewToken(GonUser user)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        user.InvitationTokenHash = Hash(token);
        return token;
    }

    private static bool Matches(string? storedHash, string? token) =>
        storedHash is not null && !string.IsNullOrEmpty(token)
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHash), Encoding.ASCII.GetBytes(Hash(token)));

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }
}

/// <summary>What became of an activation attempt.</summary>
public sealed record ActivationResult(string Outcome, IReadOnlyList<string> PasswordErrors)
{
    public static readonly ActivationResult Activated = new("activated", []);
    public static readonly ActivationResult Invalid = new("invalid", []);
    public static readonly ActivationResult Expired = new("expired", []);

    public static ActivationResult Rejected(IReadOnlyList<string> errors) => new("rejected", errors);
}
