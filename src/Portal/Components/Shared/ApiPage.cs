using GonPortal.Portal.Resources;
using GonPortal.Portal.ServerApi;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace GonPortal.Portal.Components.Shared;

/// <summary>
/// Base of pages that call the Server. One place decides what a failure means for the person: an expired
/// session goes to sign-in and back to this page, something not found (or another tenant's) shows the
/// ordinary not-found page, anything else becomes a message on the page.
/// </summary>
public abstract class ApiPage : ComponentBase
{
    [Inject]
    protected GonServerClient Server { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<Texts> L { get; set; } = default!;

    /// <summary>The message of the last failed call, shown by the page; null when all went well.</summary>
    protected ApiFailure? Failure { get; set; }

    /// <summary>True when the call succeeded; otherwise handles the failure and returns false.</summary>
    protected bool Accept<T>(ServerResult<T> result)
    {
        if (result.Failure is not { } failure)
        {
            return true;
        }

        switch (failure.Kind)
        {
            case FailureKind.SignInRequired:
                var returnUrl = "/" + Navigation.ToBaseRelativePath(Navigation.Uri);
                Navigation.NavigateTo($"account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", forceLoad: true);
                break;
            case FailureKind.NotFound when NotFoundMeansPage:
                Navigation.NotFound();
                break;
            default:
                Failure = failure;
                break;
        }

        return false;
    }

    private int _tableLoads;

    /// <summary>
    /// Loads a page of the page's table. Two header clicks in quick succession start two loads and only the last may
    /// fill the table: an older answer gives null, and its failure is not shown either.
    /// </summary>
    protected async Task<T?> LatestTableLoadAsync<T>(Func<Task<ServerResult<T>>> load) where T : class
    {
        var mine = ++_tableLoads;
        var result = await load();
        return mine == _tableLoads && Accept(result) ? result.Value : null;
    }

    /// <summary>Whether NOT_FOUND replaces the whole page (a detail page) or is a message (an action on a list).</summary>
    protected virtual bool NotFoundMeansPage => false;
}
