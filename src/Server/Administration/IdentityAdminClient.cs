using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GonPortal.Domain.Common;
using GonPortal.Domain.Validation;
using GonPortal.Server.ErrorModel;
using Grpc.Core;

namespace GonPortal.Server.Administration;

/// <summary>
/// The one way the Server reaches Identity's admin API. Identity's answers become our error model:
/// 400 with field errors → INVALID_ARGUMENT with the same (proto) field names; 404 → NOT_FOUND;
/// 409 → ALREADY_EXISTS when the thing exists already (an e-mail address with an account, an id with other data),
/// else FAILED_PRECONDITION (a wrong state: the last administrator, the gemeente, an inactive organisation).
/// Identity unreachable → UNAVAILABLE.
/// </summary>
public sealed class IdentityAdminClient(HttpClient http, IdentityAdminToken token)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string Base = "admin/v1";

    public Task<AdminOrganisation> CreateOrganisationAsync(AdminCreateOrganisation body, CancellationToken ct) =>
        SendAsync<AdminOrganisation>(HttpMethod.Post, $"{Base}/organisations", body, "Organisation", ct);

    public Task<AdminOrganisation> UpdateOrganisationAsync(Guid id, AdminUpdateOrganisation body, CancellationToken ct) =>
        SendAsync<AdminOrganisation>(HttpMethod.Put, $"{Base}/organisations/{id}", body, "Organisation", ct);

    public Task<AdminOrganisation> DeactivateOrganisationAsync(Guid id, CancellationToken ct) =>
        SendAsync<AdminOrganisation>(HttpMethod.Post, $"{Base}/organisations/{id}/deactivate", null, "Organisation", ct);

    public Task<AdminOrganisation> ReactivateOrganisationAsync(Guid id, CancellationToken ct) =>
        SendAsync<AdminOrganisation>(HttpMethod.Post, $"{Base}/organisations/{id}/reactivate", null, "Organisation", ct);

    public Task<AdminOrganisation> GetOrganisationAsync(Guid id, CancellationToken ct) =>
        SendAsync<AdminOrganisation>(HttpMethod.Get, $"{Base}/organisations/{id}", null, "Organisation", ct);

    public Task<List<AdminOrganisation>> ListOrganisationsAsync(OrganisationKind? kind, bool includeInactive, int skip, int take, CancellationToken ct) =>
        SendAsync<List<AdminOrganisation>>(HttpMethod.Get,
            $"{Base}/organisations?includeInactive={includeInactive}&skip={skip}&take={take}" + (kind is null ? "" : $"&kind={kind}"), null, "Organisation", ct);

    public Task<List<AdminPerson>> ListPeopleAsync(Guid organisationId, bool administratorsOnly, CancellationToken ct) =>
        SendAsync<List<AdminPerson>>(HttpMethod.Get, $"{Base}/organisations/{organisationId}/people?administratorsOnly={administratorsOnly}", null, "Organisation", ct);

    public Task<AdminPerson> InvitePersonAsync(Guid organisationId, AdminInvitePerson body, CancellationToken ct) =>
        SendAsync<AdminPerson>(HttpMethod.Post, $"{Base}/organisations/{organisationId}/people", body, "Organisation", ct);

    public Task<AdminPerson> GetPersonAsync(Guid personId, CancellationToken ct) =>
        SendAsync<AdminPerson>(HttpMethod.Get, $"{Base}/people/{personId}", null, "Person", ct);

    public Task<AdminPerson> SetAdministratorAsync(Guid personId, bool administrator, CancellationToken ct) =>
        SendAsync<AdminPerson>(HttpMethod.Put, $"{Base}/people/{personId}/administrator", new AdminSetAdministrator(administrator), "Person", ct);

    public Task<AdminPerson> DeactivatePersonAsync(Guid personId, CancellationToken ct) =>
        SendAsync<AdminPerson>(HttpMethod.Post, $"{Base}/people/{personId}/deactivate", null, "Person", ct);

    public Task<AdminPerson> ReactivatePersonAsync(Guid personId, CancellationToken ct) =>
        SendAsync<AdminPerson>(HttpMethod.Post, $"{Base}/people/{personId}/reactivate", null, "Person", ct);

    public Task<AdminPerson> ResendInvitationAsync(Guid personId, CancellationToken ct) =>
        SendAsync<AdminPerson>(HttpMethod.Post, $"{Base}/people/{personId}/invitation", null, "Person", ct);

    public Task<List<AdminMachineClient>> ListMachineClientsAsync(Guid organisationId, CancellationToken ct) =>
        SendAsync<List<AdminMachineClient>>(HttpMethod.Get, MachineClients(organisationId), null, "Organisation", ct);

    public Task<AdminMachineClientWithSecret> RegisterMachineClientAsync(Guid organisationId, AdminRegisterMachineClient body, CancellationToken ct) =>
        SendAsync<AdminMachineClientWithSecret>(HttpMethod.Post, MachineClients(organisationId), body, "Organisation", ct);

    public Task<AdminMachineClientWithSecret> RotateMachineClientSecretAsync(Guid organisationId, string clientId, CancellationToken ct) =>
        SendAsync<AdminMachineClientWithSecret>(HttpMethod.Post, $"{MachineClients(organisationId)}/{Uri.EscapeDataString(clientId)}/rotate", null, "Machine client", ct);

    public Task<AdminMachineClient> RevokeMachineClientAsync(Guid organisationId, string clientId, CancellationToken ct) =>
        SendAsync<AdminMachineClient>(HttpMethod.Post, $"{MachineClients(organisationId)}/{Uri.EscapeDataString(clientId)}/revoke", null, "Machine client", ct);

    private static string MachineClients(Guid organisationId) => $"{Base}/organisations/{organisationId}/machine-clients";

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string what, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token.GetAsync(ct));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException)
        {
            throw ErrorStatus.Build(StatusCode.Unavailable, ErrorReasons.IdentityUnavailable, "The identity service cannot be reached.");
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
            }
            throw await ErrorAsync(response, what, ct);
        }
    }

    private static async Task<Exception> ErrorAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var problem = await ReadProblemAsync(response, ct);
        return response.StatusCode switch
        {
            HttpStatusCode.BadRequest => Validation(problem),
            HttpStatusCode.NotFound => new NotFoundException(what),
            HttpStatusCode.Conflict when problem.Type == AdminApiContract.AlreadyExistsType =>
                ErrorStatus.Build(StatusCode.AlreadyExists, ErrorReasons.AlreadyExists, problem.Detail ?? $"{what} already exists.",
                    new Dictionary<string, string> { ["resource"] = what }),
            HttpStatusCode.Conflict => new InvalidStateException(problem.Detail ?? $"{what} is not in a state that allows this."),
            _ => ErrorStatus.Build(StatusCode.Internal, ErrorReasons.Internal, $"The identity service failed ({(int)response.StatusCode})."),
        };
    }

    private static DomainValidationException Validation(Problem problem)
    {
        var v = new Violations();
        foreach (var (field, messages) in problem.Errors ?? [])
        {
            foreach (var message in messages)
            {
                v.Add(field, message);
            }
        }
        if (!v.Any)
        {
            v.Add("request", "is invalid");
        }
        return new DomainValidationException(v.Items);
    }

    private static async Task<Problem> ReadProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<Problem>(Json, ct) ?? new Problem();
        }
        catch (JsonException)
        {
            return new Problem();
        }
    }

    /// <summary>The parts of an RFC 7807 problem (and ASP.NET's validation problem) we use.</summary>
    private sealed class Problem
    {
        public string? Type { get; set; }
        public string? Detail { get; set; }
        public Dictionary<string, string[]>? Errors { get; set; }
    }
}
