using System.ComponentModel.DataAnnotations;
using GonPortal.Identity.Data;
using GonPortal.Identity.Email;
using GonPortal.Identity.Onboarding;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GonPortal.Identity.Pages.Account;

/// <summary>
/// Asks for a reset link. The answer is the same whether or not the address has an account, so the page cannot
/// be used to find out who has one; only an active, activated account gets the e-mail.
/// </summary>
public sealed class ForgotPasswordModel(UserManager<GonUser> users, IMailSender mail, IdentityLinks links, ILogger<ForgotPasswordModel> logger) : PageModel
{
    public const string SentText = "Als dit e-mailadres bij een account hoort, ontvangt u binnen enkele minuten een e-mail met een link om een nieuw wachtwoord te kiezen.";

    [BindProperty]
    [Required(ErrorMessage = "Vul uw e-mailadres in.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email.Trim());
        // Invited people activate through their invitation; deactivated people may not get back in this way.
        if (user is not null && user.IsActive && user.PasswordHash is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            try
            {
                await mail.SendAsync(AccountEmails.PasswordReset(user.Email!, user.DisplayName, links.PasswordReset(user.Id, token)), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Same answer either way: a failure must not reveal that the address exists.
                logger.LogError(e, "Sending a password reset e-mail failed");
            }
        }

        Sent = true;
        return Page();
    }
}
