using GonPortal.HostContracts;
using GonPortal.Identity.Onboarding;

namespace GonPortal.Identity.Admin;

/// <summary>
/// The internal admin API for the Server: organisations, people and (<see cref="AdminMachineClientApi"/>) machine clients. It decides nothing about who may act
/// (the Server does, per caller); it enforces the registry's own rules and answers in <see cref="AdminApiContract"/>'s shapes.
/// </summary>
internal static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(AdminApiContract.BasePath)
            .RequireAuthorization(AdminApiAccess.PolicyName)
            .AddEndpointFilter<AdminErrorFilter>()
            .DisableAntiforgery();

        api.MapPost("/organisations", async (AdminCreateOrganisation body, OrganisationRegistry registry, AdminViews views, CancellationToken ct) =>
        {
            if (!CreatableKinds.Allows(body.Kind))
            {
                new FieldErrors().Check(true, "kind", "must be HOOFDAANBIEDER, ONDERAANNEMER or WIJ").ThrowIfAny();
            }
            var organisation = await registry.CreateAsync(body.Id, body.Kind, new(body.Name, body.KvkNumber, body.AgbCode, body.TwoFactorRequiredForAll), ct);
            return await views.OrganisationAsync(organisation, ct);
        });
        api.MapGet("/organisations", async (OrganisationKind? kind, bool? includeInactive, int? skip, int? take, OrganisationRegistry registry, AdminViews views, CancellationToken ct) =>
            await views.OrganisationsAsync(
                await registry.ListAsync(kind, includeInactive ?? false, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 50, 1, 501), ct), ct));
        api.MapGet("/organisations/{id:guid}", async (Guid id, OrganisationRegistry registry, AdminViews views, CancellationToken ct) =>
            await views.OrganisationAsync(await registry.FindAsync(id, ct), ct));
        api.MapPut("/organisations/{id:guid}", async (Guid id, AdminUpdateOrganisation body, OrganisationRegistry registry, AdminViews views, CancellationToken ct) =>
            await views.OrganisationAsync(
                await registry.UpdateAsync(id, new(body.Name, body.KvkNumber, body.AgbCode, body.TwoFactorRequiredForAll), ct), ct));
        api.MapPost("/organisations/{id:guid}/deactivate", async (Guid id, OrganisationRegistry registry, AdminViews views, CancellationToken ct) =>
            await views.OrganisationAsync(await registry.DeactivateAsync(id, ct), ct));
        api.MapPost("/organisations/{id:guid}/reactivate", async (Guid id, OrganisationRegistry registry, AdminViews views, CancellationToken ct) =>
            await views.OrganisationAsync(await registry.ReactivateAsync(id, ct), ct));

        api.MapGet("/organisations/{id:guid}/people", async (Guid id, bool? administratorsOnly, PeopleAdministration people, CancellationToken ct) =>
            await people.ListAsync(id, administratorsOnly ?? false, ct));
        api.MapPost("/organisations/{id:guid}/people", async (Guid id, AdminInvitePerson body, PeopleAdministration people, CancellationToken ct) =>
            await people.InviteAsync(body.Id, id, body.Email, body.DisplayName, body.Administrator, ct));
        api.MapGet("/people/{id}", async (string id, PeopleAdministration people) => await people.GetAsync(id));
        api.MapPut("/people/{id}/administrator", async (string id, AdminSetAdministrator body, PeopleAdministration people, CancellationToken ct) =>
            await people.SetAdministratorAsync(id, body.Administrator, ct));
        api.MapPost("/people/{id}/deactivate", async (string id, PeopleAdministration people, CancellationToken ct) => await people.DeactivateAsync(id, ct));
        api.MapPost("/people/{id}/reactivate", async (string id, PeopleAdministration people) => await people.ReactivateAsync(id));
        api.MapPost("/people/{id}/invitation", async (string id, PeopleAdministration people, CancellationToken ct) => await people.ResendInvitationAsync(id, ct));
        api.MapAdminMachineClients();
        return api;
    }
}
