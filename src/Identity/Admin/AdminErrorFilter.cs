using GonPortal.HostContracts;
using GonPortal.Identity.Onboarding;

namespace GonPortal.Identity.Admin;

/// <summary>Turns the onboarding exceptions into the admin API's answers: 400 with field errors, 404, 409 with a problem type.</summary>
internal sealed class AdminErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (OnboardingValidationException e)
        {
            return Results.ValidationProblem(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value));
        }
        catch (OnboardingNotFoundException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: e.Message);
        }
        catch (OnboardingConflictException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: e.Message,
                type: e.AlreadyExists ? AdminApiContract.AlreadyExistsType : AdminApiContract.WrongStateType);
        }
    }
}
