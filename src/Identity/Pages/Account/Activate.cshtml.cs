using GonPortal.Identity.Onboarding;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// The invitation's activation link: the invitee chooses a password (Identity's password rules). The link works
/// once; an expired one says so, and an administrator can send a new invitation.
/// </summary>
public sealed class ActivateModel(PeopleAdministration people, IOptions<IdentityOptions> identityOptions) : PageModel
{
    public string Hint => PasswordHint.From(identityOptions.Value.Password);

    public const string ExpiredText = "Deze activatielink is verlopen. Vraag de beheerder van uw organisatie om een nieuwe uitnodiging.";
    public const string InvalidText = "Deze activatielink is ongeldig of al gebruikt. Heeft u uw account al geactiveerd? Log dan in met uw e-mailadres en wachtwoord.";

    public enum PageState { Form, Done, Expired, Invalid }

    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public PageState State { get; private set; }

    public PasswordForm Form { get; private set; } = new("", "", []);

    public async Task OnGetAsync()
    {
        State = Map(await people.CheckActivationLinkAsync(UserId, Token));
        Form = new(UserId, Token, []);
    }

    public async Task OnPostAsync()
    {
        if (PasswordForm.Precheck(Password, ConfirmPassword) is { } problem)
        {
            State = Map(await people.CheckActivationLinkAsync(UserId, Token));
            Form = new(UserId, Token, [problem]);
            return;
        }
        var result = await people.ActivateAsync(UserId, Token, Password!);
        State = result == ActivationResult.Activated ? PageState.Done : Map(result);
        Form = new(UserId, Token, result.PasswordErrors);
    }

    private static PageState Map(ActivationResult result) =>
        result == ActivationResult.Expired ? PageState.Expired
        : result == ActivationResult.Invalid ? PageState.Invalid
        : PageState.Form;
}
