using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GonPortal.HostContracts;
using GonPortal.Identity.Configuration;
using GonPortal.Identity.Tokens;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace GonPortal.Identity.Onboarding;

/// <summary>
/// Machine clients (care systems, ECDs; client credentials) administered by their own organisation:
/// register, list, rotate the secret, revoke. Every operation takes the caller's organisation, and a client
/// of another organisation is "not found", never "forbidden", so its existence does not leak. The demo
/// seeding registers through here too, so there is one way a machine client comes to be.
/// </summary>
public sealed class MachineClientAdministration(
    MachineClientApplicationManager applications,
    IOpenIddictTokenManager tokens,
    IOptions<IdentitySettings> settings,
    TimeProvider time)
{
    public const int DisplayNameMaxLength = 100;
    public const int OrganisationNameMaxLength = 200;
    private const int SlugMaxLength = 30;
    private const int SuffixLength = 6;
    private const int SecretBytes = 32;
    private const string SuffixAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>
    /// Registers a client for the organisation with a readable, unique id (<c>ecd-&lt;organisation&gt;-&lt;6 chars&gt;</c>,
    /// <c>app-</c> for the gemeente and WIJ) and a generated secret of 32 random bytes. The secret is in the
    /// result and nowhere else: Identity stores only its hash.
    /// </summary>
    public async Task<MachineClientResult<RegisteredMachineClient>> RegisterAsync(
        MachineClientOrganisation organisation, string displayName, CancellationToken cancellationToken = default)
    {
        var violations = Validate(organisation, displayName);
        if (violations.Count > 0)
        {
            return MachineClientResult<RegisteredMachineClient>.Invalid(violations);
        }

        var clientId = await NewClientIdAsync(organisation, cancellationToken);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        await CreateAsync(organisation, displayName.Trim(), clientId, secret, null, cancellationToken);
        return MachineClientResult<RegisteredMachineClient>.Success(new(clientId, secret));
    }

    /// <summary>
    /// Registers under a registration id the caller chose (the admin API: the Server derives it from its request_id).
    /// When the organisation already has a client with that registration id, nothing is registered and that client
    /// is returned with an empty secret, so a retry after a lost answer never makes a second client.
    /// </summary>
    public async Task<MachineClientResult<RegisteredMachineClient>> RegisterAsync(
        MachineClientOrganisation organisation, string displayName, Guid registrationId, CancellationToken cancellationToken)
    {
        var violations = Validate(organisation, displayName);
        if (registrationId == Guid.Empty)
        {
            violations.Add(new("id", "The registration id is required."));
        }
        if (violations.Count > 0)
        {
            return MachineClientResult<RegisteredMachineClient>.Invalid(violations);
        }

        if ((await ListAsync(organisation.Id, cancellationToken)).FirstOrDefault(c => c.RegistrationId == registrationId) is { } existing)
        {
            return MachineClientResult<RegisteredMachineClient>.Success(new(existing.ClientId, string.Empty));
        }

        var clientId = await NewClientIdAsync(organisation, cancellationToken);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        await CreateAsync(organisation, displayName.Trim(), clientId, secret, registrationId, cancellationToken);
        return MachineClientResult<RegisteredMachineClient>.Success(new(clientId, secret));
    }

    /// <summary>
    /// Writes the organisation's new name into each of its clients (revoked ones too), because the name stored with the
    /// client is what its tokens carry as <c>gon_tenant_name</c>. Called by the registry when an organisation is renamed.
    /// </summary>
    public async Task RenameOrganisationAsync(Guid organisationId, string name, CancellationToken cancellationToken)
    {
        var renamed = new List<OpenIddictEntityFrameworkCoreApplication>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await BelongsToAsync(application, organisationId, cancellationToken))
            {
                renamed.Add(application);
            }
        }
        // Updated after the listing ends: the listing is an open query on the same context.
        foreach (var application in renamed)
        {
            await applications.SetTenantNameAsync(application, name.Trim(), cancellationToken);
        }
    }

    /// <summary>
    /// Seeding only: registers a client under a fixed id and secret (the documented demo clients).
    /// The caller checks that the id is free.
    /// </summary>
    internal async Task<MachineClientResult<RegisteredMachineClient>> RegisterAsync(
        MachineClientOrganisation organisation, string displayName, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var violations = Validate(organisation, displayName);
        if (violations.Count > 0)
        {
            return MachineClientResult<RegisteredMachineClient>.Invalid(violations);
        }

        await CreateAsync(organisation, displayName.Trim(), clientId, clientSecret, null, cancellationToken);
        return MachineClientResult<RegisteredMachineClient>.Success(new(clientId, clientSecret));
    }

    /// <summary>The organisation's clients, active and revoked, oldest first.</summary>
    public async Task<IReadOnlyList<MachineClientSummary>> ListAsync(Guid organisationId, CancellationToken cancellationToken = default)
    {
        // The tenant lives in the Properties JSON, which no provider can filter on portably; the applications
        // table holds a few rows per organisation, so reading it whole is cheap.
        var result = new List<MachineClientSummary>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            if (await BelongsToAsync(application, organisationId, cancellationToken))
            {
                result.Add(await SummariseAsync(application, cancellationToken));
            }
        }

        return result
            .OrderBy(c => c.CreatedAt ?? DateTimeOffset.MinValue)
            .ThenBy(c => c.ClientId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Gives the client a new secret; the previous one keeps working for <c>Identity:MachineClients:RotationGraceHours</c>,
    /// so the care system can be switched over without downtime. A second rotation within the grace period ends
    /// the grace of the first previous secret at once (only one previous secret is kept).
    /// </summary>
    public async Task<MachineClientResult<RotatedMachineClientSecret>> RotateSecretAsync(
        Guid organisationId, string clientId, CancellationToken cancellationToken = default)
    {
        var application = await FindAsync(organisationId, clientId, cancellationToken);
        if (application is null)
        {
            return MachineClientResult<RotatedMachineClientSecret>.Failure(MachineClientError.NotFound);
        }

        if (MachineClientState.ReadFrom(await applications.GetPropertiesAsync(application, cancellationToken)).IsRevoked)
        {
            return MachineClientResult<RotatedMachineClientSecret>.Failure(MachineClientError.Revoked);
        }

        var now = time.GetUtcNow();
        var validUntil = now + TimeSpan.FromHours(settings.Value.MachineClients.RotationGraceHours);
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        await applications.RotateClientSecretAsync(application, secret, now, validUntil, cancellationToken);
        return MachineClientResult<RotatedMachineClientSecret>.Success(new(clientId, secret, validUntil));
    }

    /// <summary>
    /// Revokes the client: no token any more from now on, and its stored tokens are revoked. Access tokens
    /// already handed out are JWTs the Server checks on its own, so they work until they expire
    /// (<c>Identity:Tokens:AccessTokenMinutes</c>). Revoking twice changes nothing.
    /// </summary>
    public async Task<MachineClientResult<MachineClientSummary>> RevokeAsync(
        Guid organisationId, string clientId, CancellationToken cancellationToken = default)
    {
        var application = await FindAsync(organisationId, clientId, cancellationToken);
        if (application is null)
        {
            return MachineClientResult<MachineClientSummary>.Failure(MachineClientError.NotFound);
        }

        if (!MachineClientState.ReadFrom(await applications.GetPropertiesAsync(application, cancellationToken)).IsRevoked)
        {
            await applications.MarkRevokedAsync(application, time.GetUtcNow(), cancellationToken);
        }

        // Also on a repeated call: tokens issued in a race with the first revocation are caught here.
        var applicationId = await applications.GetIdAsync(application, cancellationToken);
        await tokens.RevokeByApplicationIdAsync(applicationId!, cancellationToken);
        return MachineClientResult<MachineClientSummary>.Success(await SummariseAsync(application, cancellationToken));
    }

    private async Task CreateAsync(
        MachineClientOrganisation organisation, string displayName, string clientId, string secret, Guid? registrationId, CancellationToken cancellationToken)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + GonScopes.Api,
            },
        };
        new MachineClientTenant(organisation.Id, organisation.Name.Trim(), organisation.Role).WriteTo(descriptor);
        MachineClientState.New(time.GetUtcNow(), registrationId).WriteTo(descriptor.Properties);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    /// <summary>The application only when it is a machine client of this organisation.</summary>
    private async Task<OpenIddictEntityFrameworkCoreApplication?> FindAsync(Guid organisationId, string clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(clientId))
        {
            return null;
        }

        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is not null && await BelongsToAsync(application, organisationId, cancellationToken) ? application : null;
    }

    private async Task<bool> BelongsToAsync(OpenIddictEntityFrameworkCoreApplication application, Guid organisationId, CancellationToken cancellationToken) =>
        MachineClientTenant.ReadFrom(await applications.GetPropertiesAsync(application, cancellationToken)) is { } tenant
        && tenant.TenantId == organisationId;

    private async Task<MachineClientSummary> SummariseAsync(OpenIddictEntityFrameworkCoreApplication application, CancellationToken cancellationToken)
    {
        var state = MachineClientState.ReadFrom(await applications.GetPropertiesAsync(application, cancellationToken));
        return new MachineClientSummary(
            (await applications.GetClientIdAsync(application, cancellationToken))!,
            await applications.GetDisplayNameAsync(application, cancellationToken) ?? string.Empty,
            state.CreatedAt,
            state.IsRevoked ? MachineClientStatus.Revoked : MachineClientStatus.Active,
            state.SecretRotatedAt,
            state.IsRevoked ? null : state.PreviousSecretValidUntil,
            state.RevokedAt,
            state.RegistrationId);
    }

    private async Task<string> NewClientIdAsync(MachineClientOrganisation organisation, CancellationToken cancellationToken)
    {
        var prefix = organisation.Role is GonRoles.Hoofdaanbieder or GonRoles.Onderaannemer ? "ecd" : "app";
        var slug = Slug(organisation.Name);
        // 36^6 suffixes per organisation: a collision is rare, and the unique index on ClientId backs this check.
        while (true)
        {
            var clientId = $"{prefix}-{slug}-{RandomNumberGenerator.GetString(SuffixAlphabet, SuffixLength)}";
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is null)
            {
                return clientId;
            }
        }
    }

    /// <summary>Lower-case ASCII letters and digits separated by single hyphens: "Zorg & Welzijn Één" becomes "zorg-welzijn-een".</summary>
    internal static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString(0, Math.Min(builder.Length, SlugMaxLength)).Trim('-');
        return slug.Length == 0 ? "organisatie" : slug;
    }

    private static List<MachineClientViolation> Validate(MachineClientOrganisation organisation, string? displayName)
    {
        var violations = new List<MachineClientViolation>();
        if (organisation.Id == Guid.Empty)
        {
            violations.Add(new("organisation_id", "The organisation id is required."));
        }

        if (string.IsNullOrWhiteSpace(organisation.Name) || organisation.Name.Trim().Length > OrganisationNameMaxLength)
        {
            violations.Add(new("organisation_name", $"The organisation name is required and at most {OrganisationNameMaxLength} characters."));
        }

        if (!GonRoles.All.Contains(organisation.Role))
        {
            violations.Add(new("role", $"The role must be one of {string.Join(", ", GonRoles.All)}."));
        }

        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DisplayNameMaxLength)
        {
            violations.Add(new("display_name", $"The display name is required and at most {DisplayNameMaxLength} characters."));
        }

        return violations;
    }
}
