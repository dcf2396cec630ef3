using GonPortal.HostContracts;
using GonPortal.Identity.Onboarding;

namespace GonPortal.Identity.Admin;

/// <summary>
/// The admin API's machine clients, always within one organisation of the registry: a client id of another
/// organisation, or one that is no machine client, answers 404 exactly like an unknown one. Rotating a revoked
/// client is a wrong state (409 wrong-state); revoking one again changes nothing.
/// </summary>
internal static class AdminMachineClientApi
{
    public static RouteGroupBuilder MapAdminMachineClients(this RouteGroupBuilder api)
    {
        api.MapGet("/organisations/{id:guid}/machine-clients", async (Guid id, OrganisationRegistry registry, MachineClientAdministration clients, CancellationToken ct) =>
        {
            var organisation = await registry.FindAsync(id, ct);
            return (await clients.ListAsync(organisation.Id, ct)).Select(c => View(organisation.Id, c)).ToList();
        });
        api.MapPost("/organisations/{id:guid}/machine-clients", async (Guid id, AdminRegisterMachineClient body, OrganisationRegistry registry,
            MachineClientAdministration clients, CancellationToken ct) =>
        {
            var organisation = await registry.FindAsync(id, ct);
            var registered = Unwrap(await clients.RegisterAsync(new(organisation.Id, organisation.Name, organisation.Role), body.DisplayName, body.Id, ct));
            return new AdminMachineClientWithSecret(await FindAsync(clients, organisation.Id, registered.ClientId, ct), registered.ClientSecret);
        });
        api.MapPost("/organisations/{id:guid}/machine-clients/{clientId}/rotate", async (Guid id, string clientId, MachineClientAdministration clients, CancellationToken ct) =>
        {
            var rotated = Unwrap(await clients.RotateSecretAsync(id, clientId, ct));
            return new AdminMachineClientWithSecret(await FindAsync(clients, id, rotated.ClientId, ct), rotated.ClientSecret);
        });
        api.MapPost("/organisations/{id:guid}/machine-clients/{clientId}/revoke", async (Guid id, string clientId, MachineClientAdministration clients, CancellationToken ct) =>
            View(id, Unwrap(await clients.RevokeAsync(id, clientId, ct))));
        return api;
    }

    private static AdminMachineClient View(Guid organisationId, MachineClientSummary c) => new(
        c.ClientId,
        organisationId,
        c.RegistrationId,
        c.DisplayName,
        c.Status == MachineClientStatus.Revoked ? AdminMachineClientStates.Revoked : AdminMachineClientStates.Active,
        c.CreatedAt,
        c.SecretRotatedAt,
        c.PreviousSecretValidUntil,
        c.RevokedAt);

    private static async Task<AdminMachineClient> FindAsync(MachineClientAdministration clients, Guid organisationId, string clientId, CancellationToken ct) =>
        View(organisationId, (await clients.ListAsync(organisationId, ct)).Single(c => c.ClientId == clientId));

    /// <summary>The administration's results as the onboarding exceptions <see cref="AdminErrorFilter"/> answers.</summary>
    private static T Unwrap<T>(MachineClientResult<T> result) where T : class => result.Error switch
    {
        null => result.Value!,
        MachineClientError.NotFound => throw new OnboardingNotFoundException("Machine client"),
        MachineClientError.Revoked => throw new OnboardingConflictException("The machine client is revoked; a revoked client gets no new secret."),
        _ => throw new OnboardingValidationException(result.Violations
            .GroupBy(v => v.Field)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Description).ToArray())),
    };
}
